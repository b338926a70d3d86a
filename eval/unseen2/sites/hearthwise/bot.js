(function(){
  var panel=document.getElementById('chat'),log=panel.querySelector('.chat-log'),form=panel.querySelector('.chat-form'),input=form.querySelector('input');
  var started=false,handed=false;
  function say(text,who){var p=document.createElement('p');p.className='chat-msg '+(who||'bot');p.textContent=text;log.appendChild(p);log.scrollTop=log.scrollHeight;}
  document.getElementById('chat-open').addEventListener('click',function(){
    panel.hidden=false;input.focus();
    if(!started){started=true;setTimeout(function(){say("Hi, I'm Wren, Hearthwise's virtual assistant. What can I help you with today?");},300);}
  });
  form.addEventListener('submit',function(e){
    e.preventDefault();var t=input.value.trim();if(!t)return;say(t,'me');input.value='';
    setTimeout(function(){
      if(handed){say('Priya: Thanks, I can see your account now. Give me a moment to look at your last two bills.');return;}
      if(/person|adviser|advisor|human|someone|agent/i.test(t)){
        handed=true;
        say("Of course. I'm passing you to one of our billing advisers now, with a summary of what you've told me.");
        setTimeout(function(){say('Priya from our billing team has joined the chat. Hello, I can help with your bill.');},400);
      }else if(/bill|higher|charge|cost/i.test(t)){
        say('A bill can go up when an estimated reading is replaced by an actual one, or after a price change on 1 October. You can compare your readings under Account > Meter readings. Would you like to go through it with an adviser?');
      }else{
        say('I can help with bills, meter readings, moving home and payments. Could you tell me a bit more?');
      }
    },700);
  });
})();
