document.addEventListener('DOMContentLoaded', function () {
  var banner = document.getElementById('cookie-banner');
  if (banner) {
    banner.querySelectorAll('button').forEach(function (b) {
      b.addEventListener('click', function () { banner.remove(); });
    });
  }
  document.querySelectorAll('[data-play]').forEach(function (b) {
    b.addEventListener('click', function () { b.textContent = b.getAttribute('data-play'); });
  });
  document.querySelectorAll('.stars button, .helpful button').forEach(function (b) {
    b.addEventListener('click', function () {
      var box = b.closest('.stars, .helpful'); var t = box.getAttribute('data-thanks');
      if (t) { box.textContent = t; }
    });
  });
});
