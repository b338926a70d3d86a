(function(){
  var panel=document.getElementById('chat'),log=panel.querySelector('.chat-log'),form=panel.querySelector('.chat-form'),input=form.querySelector('input');
  var rating=document.getElementById('chat-rating');
  var started=false,turn=0;
  var ADVICE='Bitte starten Sie Ihren Router neu: Ziehen Sie den Netzstecker, warten Sie 30 Sekunden und stecken Sie ihn wieder ein. Danach sollten die Lämpchen „Power“ und „Internet“ dauerhaft grün leuchten.';
  function say(text,who){var p=document.createElement('p');p.className='chat-msg '+(who||'bot');p.textContent=text;log.appendChild(p);log.scrollTop=log.scrollHeight;}
  document.getElementById('chat-open').addEventListener('click',function(){
    panel.hidden=false;input.focus();
    if(!started){started=true;setTimeout(function(){say('Hallo, ich bin Lotti, Ihre digitale Assistentin von NetzLotse. Wie kann ich Ihnen helfen?');},300);}
  });
  form.addEventListener('submit',function(e){
    e.preventDefault();var t=input.value.trim();if(!t)return;say(t,'me');input.value='';turn++;
    var n=turn;
    setTimeout(function(){
      say(ADVICE+' War diese Antwort hilfreich?');
      if(n===3){rating.hidden=false;}
    },700);
  });
})();
