(function(){var b=document.getElementById('cookie');if(!b)return;var k='consent-'+document.body.dataset.site;
if(localStorage.getItem(k)){b.hidden=true;return}b.querySelectorAll('button').forEach(function(x){x.addEventListener('click',function(){localStorage.setItem(k,x.dataset.choice);b.hidden=true})})})();
document.querySelectorAll('form[data-next]').forEach(function(f){f.addEventListener('submit',function(e){e.preventDefault();if(!f.reportValidity())return;location.href=f.dataset.next})});
document.querySelectorAll('.video button').forEach(function(b){b.addEventListener('click',function(){b.textContent=b.dataset.playing||'Playing'})});
