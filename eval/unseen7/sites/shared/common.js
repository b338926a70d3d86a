// Shared cookie banner: shown on every page that carries #cookie-banner until one of its buttons is clicked;
// the choice is remembered per site (localStorage), as real banners remember it.
document.addEventListener('DOMContentLoaded', function () {
  var b = document.getElementById('cookie-banner');
  if (!b) return;
  var key = 'cookie-choice:' + location.pathname.split('/')[1];
  try { if (localStorage.getItem(key)) { b.remove(); return; } } catch (e) {}
  b.querySelectorAll('button').forEach(function (btn) {
    btn.addEventListener('click', function () {
      try { localStorage.setItem(key, btn.textContent); } catch (e) {}
      b.remove();
    });
  });
});
// Fill <span data-now="date|time" data-locale="..."> with the current date or time.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-now]').forEach(function (el) {
    var d = new Date(), loc = el.getAttribute('data-locale') || 'en-US';
    el.textContent = el.getAttribute('data-now') === 'time'
      ? d.toLocaleTimeString(loc, {hour: '2-digit', minute: '2-digit'})
      : d.toLocaleDateString(loc, {year: 'numeric', month: 'long', day: 'numeric'});
  });
});
