(function(){
  var b=document.getElementById('cookie-banner');
  if(!b)return;
  var key='cookies-'+b.getAttribute('data-site');
  var seen=null;try{seen=localStorage.getItem(key);}catch(e){}
  if(!seen){b.hidden=false;}
  b.addEventListener('click',function(e){
    var c=e.target.getAttribute&&e.target.getAttribute('data-choice');
    if(!c)return;
    try{localStorage.setItem(key,c);}catch(err){}
    b.hidden=true;
  });
})();
