// The sample deck: reveal.js (from npm, copied in by ./build.sh) with explorer embeds.
// reveal.js itself sends the embeds "slide:start" / "slide:stop"; this file gives the deck the
// keyboard back when an embed releases it (Esc inside the explorer) and walks embeds through the
// steps their iframe declares as reveal's fragments are shown and hidden (README "Fragments"):
//
//   <iframe data-src="../?embed=1&section=..." data-explorer-steps='[{"card": "..."},
//           {"view": "matrix", "domains": ["networking"]}]'></iframe>
//   ... and as many .fragment elements on the slide as steps.
//
// With no fragment shown the embed is at its own URL (explorer:reset); with n shown, at step n.
(function () {
  'use strict';
  var MAX_STEPS = 64;
  var MAX_STEPS_CHARS = 16384;
  var printView = /print-pdf/i.test(location.search);
  var deck = new Reveal({
    hash: true,
    width: 1280,
    height: 760,
    margin: 0.04,
    center: false,
    transition: 'slide',
    // Keep embeds loaded on nearby slides: reveal then stops and starts them with messages.
    preloadIframes: true,
    viewDistance: 2,
    // The speaker view (S): its previews load this deck with ?receiver, where embeds show their
    // state as static HTML (web/print.js) instead of starting more canvases.
    plugins: typeof RevealNotes === 'undefined' ? [] : [RevealNotes]
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

  // ---- fragments drive embeds ----

  // The iframe's declared steps, or null (with the reason in the console) when they are not a
  // JSON list of objects. The explorer checks each state's keys and values itself.
  function stepsOf(frame) {
    var text = frame.getAttribute('data-explorer-steps');
    if (text === null) return null;
    var where = 'data-explorer-steps on "' + (frame.title || frame.getAttribute('data-src') || 'an iframe') + '"';
    if (text.length > MAX_STEPS_CHARS) {
      console.warn(where + ' is over ' + MAX_STEPS_CHARS + ' characters; its steps are ignored.');
      return null;
    }
    var steps;
    try { steps = JSON.parse(text); } catch (err) {
      console.warn(where + ' is not valid JSON (' + err.message + '); its steps are ignored.');
      return null;
    }
    if (!Array.isArray(steps) || steps.length > MAX_STEPS ||
        steps.some(function (s) { return !s || typeof s !== 'object' || Array.isArray(s); })) {
      console.warn(where + ' must be a JSON list of at most ' + MAX_STEPS + ' explorer states ({"view": "matrix", ...}); its steps are ignored.');
      return null;
    }
    return steps;
  }

  function post(frame, message) {
    if (frame.contentWindow) frame.contentWindow.postMessage(message, location.origin);
  }

  // Step n of a slide = how many of its fragments are shown (reveal keeps them in order).
  function applySteps(slide, shown) {
    if (!slide) return;
    Array.prototype.forEach.call(slide.querySelectorAll('iframe[data-explorer-steps]'), function (frame) {
      var steps = stepsOf(frame);
      if (!steps) return;
      var n = typeof shown === 'number' ? shown : slide.querySelectorAll('.fragment.visible').length;
      n = Math.min(n, steps.length);
      frame.setAttribute('data-explorer-step', String(n));
      if (n === 0) post(frame, { type: 'explorer:reset' });
      else post(frame, { type: 'explorer:navigate', state: steps[n - 1] });
    });
  }

  function onFragment() { applySteps(deck.getCurrentSlide()); }
  deck.on('fragmentshown', onFragment);
  deck.on('fragmenthidden', onFragment);
  // Back onto a slide (its fragments all shown, or none): the embed follows. An embed that was
  // still loading asks again when it is ready (below).
  deck.on('slidechanged', function (e) { applySteps(e.currentSlide); });

  window.addEventListener('message', function (e) {
    if (e.origin !== location.origin || !e.data || e.data.type !== 'explorer:ready') return;
    var frame = Array.prototype.find.call(document.querySelectorAll('iframe[data-explorer-steps]'), function (f) {
      return f.contentWindow === e.source;
    });
    var slide = frame && frame.closest('section');
    if (slide && (printView || slide === deck.getCurrentSlide())) applySteps(slide);
  });

  // The print view (?print-pdf) makes one page per fragment step, each a copy of the slide: each
  // copy's embed shows the step of its page.
  deck.on('pdf-ready', function () {
    Array.prototype.forEach.call(document.querySelectorAll('.pdf-page'), function (page) {
      var frames = page.querySelectorAll('iframe[data-explorer-steps]');
      Array.prototype.forEach.call(frames, function (frame) {
        var apply = function () { applySteps(page); };
        frame.addEventListener('load', apply);
        apply();
      });
    });
  });
})();
