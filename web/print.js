// Printing what the explorer shows (README "Printing"): on beforeprint (every print path fires it,
// in every frame: Ctrl+P, window.print(), a deck's PDF export, CDP's printToPDF) the wasm renders
// the current state as the static rendition's HTML (src/core/html_rendition renderStateHtml) into
// #print, which the print stylesheet shows instead of the canvas. Nothing is rendered while the
// explorer is only used. "Print the whole document" prints #doc instead.
//
// Static mode: inside a reveal.js print-pdf deck, a speaker-view preview (reveal's notes window
// loads the deck with ?receiver) or with `static=1` in the URL, the explorer never starts its
// canvas: no WebGL context, no frames. boot.js loads the wasm only to render the state, and #print
// is the page, fitted to the frame: vector text in a PDF, a light preview for the presenter.
// Runs before boot.js; talks to it through window.rxPrint and the explorer:* events.
(function () {
  'use strict';
  var root = document.documentElement;
  var params = new URLSearchParams(location.search);
  new URLSearchParams(location.hash.slice(1)).forEach(function (v, k) { params.set(k, v); });
  var inFrame = window.parent !== window;
  var MIN_FIT = 0.3;
  var MAX_FIT = 2;

  // Why the canvas should not start here: '' (it should), 'print-pdf', 'speaker-preview', 'static'.
  function staticReason() {
    if (/^(1|true|yes)$/.test(params.get('static') || '')) return 'static';
    if (!inFrame) return '';
    try {
      var host = window.parent.location.search;
      if (/print-pdf/i.test(host) || window.parent.document.documentElement.classList.contains('print-pdf')) return 'print-pdf';
      if (/receiver/i.test(host)) return 'speaker-preview';
    } catch (e) { /* a cross-origin host: it can pass static=1 */ }
    return '';
  }
  var reason = staticReason();

  var module = null;
  var container = null;
  var wholeRequested = false;
  var lastHtml = '';
  var renders = 0;

  function ensureContainer() {
    if (container) return container;
    container = document.createElement('div');
    container.id = 'print';
    container.className = 'print-rendition';
    var doc = document.getElementById('doc');
    if (doc && doc.parentNode) doc.parentNode.insertBefore(container, doc.nextSibling);
    else document.body.appendChild(container);
    return container;
  }

  // A speaker-view preview need not load a wasm of its own: the deck that opened the speaker
  // window runs live explorers (same origin, same build), and any of them renders any state.
  function peerRender(hash) {
    if (reason !== 'speaker-preview') return '';
    try {
      var deck = window.top.opener;
      if (!deck || deck.location.origin !== location.origin) return '';
      var frames = deck.document.querySelectorAll('iframe');
      for (var i = 0; i < frames.length; i++) {
        var peer = frames[i].contentWindow && frames[i].contentWindow.rxPrint;
        var html = peer && peer.live() ? peer.html(hash) : '';
        if (html) return html;
      }
    } catch (e) { /* closed, cross-origin or not ready: render here */ }
    return '';
  }

  function render(hash) {
    if (!module) return peerRender(hash);
    if (typeof module._rx_print_html !== 'function') return '';
    var text = String(hash || '');
    var len = module.lengthBytesUTF8(text) + 1;
    var ptr = module._malloc(len);
    try {
      module.stringToUTF8(text, ptr, len);
      return module.UTF8ToString(module._rx_print_html(ptr));
    } finally {
      module._free(ptr);
    }
  }

  // Colours: a page printed on its own is dark on white; an embed keeps its theme, so a dark
  // embed on a dark slide prints light text (and a transparent one the slide's background).
  function paint(el, theme) {
    var dark = inFrame && (theme === 'dark' ||
      (theme !== 'light' && window.matchMedia && matchMedia('(prefers-color-scheme: dark)').matches));
    el.classList.toggle('print-dark', !!dark);
    el.classList.toggle('print-transparent', params.get('bg') === 'transparent');
  }

  // hash "" = what the canvas shows now.
  function fill(hash, theme) {
    var html = render(hash);
    if (!html) return false;
    var el = ensureContainer();
    if (html !== lastHtml) {
      el.innerHTML = html; // our own core's escaped HTML; the CSP runs no inline script anyway
      lastHtml = html;
      renders++;
      // On paper, where the live view is: the page's own address (not inside a deck's frame).
      var header = el.querySelector('.print-header');
      if (header && !inFrame && !reason) {
        var source = document.createElement('p');
        source.className = 'print-source';
        source.textContent = 'Live view: ' + liveAddress();
        header.appendChild(source);
      }
    }
    paint(el, theme);
    root.classList.add('has-print');
    return true;
  }

  // The shown state's address (the app writes the URL a moment after a change: ask it).
  function liveAddress() {
    var hash = '';
    try { hash = window.explorer.state().url || ''; } catch (e) { hash = location.hash; }
    return location.origin + location.pathname + (hash.charAt(0) === '#' ? hash : '');
  }

  function currentTheme() {
    try { return window.explorer.state().theme; } catch (e) { return params.get('theme') || 'auto'; }
  }

  function prepare() {
    root.classList.toggle('print-whole', wholeRequested);
    if (reason) return;
    fill('', currentTheme());
    // An embed prints inside its frame: once the print layout is on, fit the state to it.
    if (inFrame && window.matchMedia && matchMedia('print').matches) fitToFrame();
  }

  // ---- static mode: the state's rendition is the page ----
  // The largest zoom (MIN_FIT..MAX_FIT) at which the rendition fits the frame's height: a short
  // state grows to fill a slide's frame, a long one shrinks (text stays text, it reflows).
  function fitToFrame() {
    if (!container) return;
    var available = window.innerHeight;
    var fits = function (zoom) {
      container.style.zoom = String(zoom);
      return container.getBoundingClientRect().height <= available;
    };
    if (!available) return;
    var lo = MIN_FIT, hi = MAX_FIT;
    if (fits(hi)) return;
    for (var i = 0; i < 7; i++) {
      var mid = (lo + hi) / 2;
      if (fits(mid)) lo = mid; else hi = mid;
    }
    container.style.zoom = String(Math.floor(lo * 100) / 100);
  }

  function showState(hash) {
    var ok = fill(hash, params.get('theme') || 'auto');
    if (ok) fitToFrame();
    return ok;
  }

  if (reason) {
    root.classList.add('static-state');
    window.addEventListener('resize', fitToFrame);
  }

  window.addEventListener('explorer:wired', function (e) {
    module = e.detail && e.detail.module;
  });
  window.addEventListener('explorer:static-ready', function (e) {
    module = e.detail && e.detail.module;
    showState(e.detail && e.detail.urlState);
  });
  // The app's menu: "Print this view…" / "Print the whole document…".
  window.addEventListener('explorer:print', function (e) {
    wholeRequested = !!(e.detail && e.detail.whole);
    prepare();
    // After the frame that asked: print() blocks until the dialog closes.
    setTimeout(function () { window.print(); }, 0);
  });
  window.addEventListener('beforeprint', prepare);
  window.addEventListener('afterprint', function () {
    wholeRequested = false;
    root.classList.remove('print-whole');
  });
  if (window.matchMedia) {
    var printMedia = matchMedia('print');
    var onPrintMedia = function (m) { if (m.matches) prepare(); };
    if (printMedia.addEventListener) printMedia.addEventListener('change', onPrintMedia);
    else if (printMedia.addListener) printMedia.addListener(onPrintMedia);
  }

  var peerRendered = false;

  window.rxPrint = {
    reason: reason,
    staticMode: function () { return !!reason; },
    // Static mode: shown with a peer's help (boot.js then loads no wasm here).
    showWithPeer: function (hash) {
      peerRendered = !module && !!peerRender(hash) && showState(hash);
      return peerRendered;
    },
    peerRendered: function () { return peerRendered; },
    // This page runs the wasm (live canvas, or static with its own module): it can render.
    live: function () { return !!module; },
    // Print (the dialog) this view, or the whole document.
    print: function (whole) {
      window.dispatchEvent(new CustomEvent('explorer:print', { detail: { whole: !!whole } }));
    },
    // Fill #print now (tests and hosts that print by other means); returns whether it could.
    prepare: function (whole) {
      wholeRequested = !!whole;
      prepare();
      return root.classList.contains('has-print');
    },
    show: showState,
    html: function (hash) { return render(hash || ''); },
    renders: function () { return renders; }
  };
})();
