// The sample deck: reveal.js (from npm, copied in by ./build.sh) with explorer embeds.
// reveal.js itself sends the embeds "slide:start" / "slide:stop"; this file only gives the deck
// the keyboard back when an embed releases it (Esc inside the explorer).
(function () {
  'use strict';
  var deck = new Reveal({
    hash: true,
    width: 1280,
    height: 760,
    margin: 0.04,
    center: false,
    transition: 'slide',
    // Keep embeds loaded on nearby slides: reveal then stops and starts them with messages.
    preloadIframes: true,
    viewDistance: 2
  });
  window.deck = deck;
  deck.initialize();

  window.addEventListener('message', function (e) {
    if (e.origin !== location.origin) return;
    var d = e.data;
    if (!d || typeof d !== 'object' || d.type !== 'explorer:release-focus') return;
    var frame = Array.prototype.find.call(document.querySelectorAll('iframe'), function (f) {
      return f.contentWindow === e.source;
    });
    if (frame && document.activeElement === frame) frame.blur();
    window.focus();
  });
})();
