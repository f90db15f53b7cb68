// Embed mode and host-page messaging (README "Embedding"): page styling for ?embed=1 and
// bg=transparent, reveal.js slide messages, and the postMessage API for host pages.
// Runs before boot.js (both in page.js); talks to the app only through window.explorer,
// window.rxSetSlideActive and the `explorer:<name>` events boot.js dispatches.
(function () {
  'use strict';
  var MAX_MESSAGE_CHARS = 8192;
  var MAX_TEXT = 256;
  var MAX_LIST = 64;
  // Keys a host may set with explorer:navigate (src/core/url_state.h). The display keys
  // (embed, bg, controls, parent) stay as the embedding page's URL set them.
  var TEXT_KEYS = ['view', 'card', 'q', 'tag', 'section', 'mq', 'rsort', 'csort', 'row', 'col', 'theme'];
  var LIST_KEYS = ['domains', 'facets'];
  var FLAG_KEYS = ['inferred', 'pivot'];
  var DISPLAY_KEYS = ['embed', 'bg', 'controls', 'parent', 'theme', 'scale'];
  var LOCKED_KEYS = ['embed', 'bg', 'controls', 'parent'];

  var root = document.documentElement;
  // Captured before boot.js rewrites the URL: what "reset" returns to.
  var initialUrl = location.search + location.hash;
  var params = new URLSearchParams(location.search);
  new URLSearchParams(location.hash.slice(1)).forEach(function (v, k) { params.set(k, v); });
  var embed = /^(1|true|yes)$/.test(params.get('embed') || '');
  var inFrame = window.parent !== window;
  var allowedOrigin = parseOrigin(params.get('origin') || params.get('parent'));
  var slideActive = true;
  var lastState = null;

  function parseOrigin(text) {
    if (!text || text.length > 200) return null;
    try {
      var u = new URL(text);
      if ((u.protocol === 'https:' || u.protocol === 'http:') && u.origin === text.replace(/\/$/, '')) return u.origin;
    } catch (e) { /* not a URL */ }
    return null;
  }

  function frameHasAttribute(name) {
    try { return !!(window.frameElement && window.frameElement.hasAttribute(name)); } catch (e) { return false; }
  }
  var resetOnStart = /^(1|true|yes)$/.test(params.get('reset') || '') || frameHasAttribute('data-reset');

  // ---- page styling (CSS can only be set through the CSSOM: the CSP forbids inline styles) ----
  if (embed) root.classList.add('embed');
  if (params.get('bg') === 'transparent') {
    root.classList.add('bg-transparent');
    [root, document.body, document.getElementById('canvas')].forEach(function (el) {
      if (el) el.style.background = 'transparent';
    });
  }

  // ---- sharp inside a scaled frame ----
  // A deck scales its slides with a CSS transform (reveal.js: 1.36 on a 1080p projector, 2 at
  // 4K); the browser then stretches the canvas's pixels by that much, and the text blurs. Inside
  // a frame the explorer reads devicePixelRatio x the frame's on-screen scale, so its drawing
  // buffer maps 1:1 to the screen's pixels. Same-origin hosts are measured; a cross-origin host
  // can send {type: "explorer:display", frameScale: s}.
  var frameScale = 1;
  var dprProperty = Object.getOwnPropertyDescriptor(window, 'devicePixelRatio');
  function realDpr() {
    return (dprProperty && dprProperty.get ? dprProperty.get.call(window) : window.devicePixelRatio) || 1;
  }
  function setFrameScale(s) {
    if (typeof s !== 'number' || !isFinite(s) || s <= 0) return;
    s = Math.min(4, Math.max(0.25, Math.round(s * 1000) / 1000));
    if (s === frameScale) return;
    frameScale = s;
    window.dispatchEvent(new Event('resize')); // SDL resizes the drawing buffer on a resize
  }
  function measureFrame() {
    try {
      var f = window.frameElement;
      if (f && f.offsetWidth > 0) setFrameScale(f.getBoundingClientRect().width / f.offsetWidth);
    } catch (e) { /* cross-origin: the host may tell us */ }
  }
  if (inFrame && dprProperty && dprProperty.get && dprProperty.configurable) {
    Object.defineProperty(window, 'devicePixelRatio', {
      configurable: true,
      enumerable: dprProperty.enumerable,
      get: function () { return realDpr() * frameScale; }
    });
    measureFrame();
    // reveal.js's overview shrinks slides without a resize: measure again when someone points
    // at the explorer or tabs into it.
    document.addEventListener('pointerover', measureFrame, { passive: true });
    document.addEventListener('focusin', measureFrame);
    // The host relayouts (and rescales its slides) in its own resize handler: measure after. The
    // listener lives on the host's window, so it goes when this page does (reveal.js unloads
    // iframes on slides it leaves).
    var onHostResize = function () { requestAnimationFrame(measureFrame); };
    try {
      window.parent.addEventListener('resize', onHostResize);
      window.addEventListener('pagehide', function () {
        try { window.parent.removeEventListener('resize', onHostResize); } catch (e) { /* gone */ }
      });
    } catch (e) { /* cross-origin */ }
  }

  // ---- talking to the host page ----
  function hostWindow() {
    if (inFrame) return window.parent;
    return window.opener || null;
  }

  function post(target, message, origin) {
    if (!target) return;
    try { target.postMessage(message, allowedOrigin || origin || '*'); } catch (e) { /* closed or cross-origin */ }
  }

  function display() {
    var out = [];
    var initial = new URLSearchParams(initialUrl.replace(/^\?/, '').replace('#', '&'));
    DISPLAY_KEYS.forEach(function (k) {
      var v = initial.get(k);
      if (v !== null && v.length <= MAX_TEXT) out.push(k + '=' + encodeURIComponent(v));
    });
    return out;
  }

  // {view: "matrix", domains: ["networking"], ...} -> "key=value" pairs; null when malformed.
  function pairsFromState(state) {
    if (!state || typeof state !== 'object' || Array.isArray(state)) return null;
    var pairs = [];
    var ok = true;
    var known = 0;
    Object.keys(state).forEach(function (k) {
      if (TEXT_KEYS.indexOf(k) >= 0 || LIST_KEYS.indexOf(k) >= 0 || FLAG_KEYS.indexOf(k) >= 0 || k === 'scale') known++;
      var v = state[k];
      if (TEXT_KEYS.indexOf(k) >= 0) {
        if (typeof v !== 'string' || v.length > MAX_TEXT) ok = false;
        else if (v) pairs.push(k + '=' + encodeURIComponent(v));
      } else if (LIST_KEYS.indexOf(k) >= 0) {
        if (!Array.isArray(v) || v.length > MAX_LIST || v.some(function (x) { return typeof x !== 'string' || x.length > MAX_TEXT; })) ok = false;
        else if (v.length) pairs.push(k + '=' + v.map(encodeURIComponent).join(','));
      } else if (FLAG_KEYS.indexOf(k) >= 0) {
        if (typeof v !== 'boolean') ok = false;
        else pairs.push(k + '=' + (v ? '1' : '0'));
      } else if (k === 'scale') {
        if (typeof v !== 'number' || !isFinite(v)) ok = false;
        else pairs.push('scale=' + Math.min(4, Math.max(0.5, v)));
      }
      // Unknown keys (hash, embed, ...) are ignored.
    });
    // {} goes to the default view; keys that are all unknown (or locked, like embed) do nothing.
    if (Object.keys(state).length && !known) return null;
    return ok ? pairs : null;
  }

  function pairsFromHash(hash) {
    if (typeof hash !== 'string' || hash.length > 4096 || (hash && hash[0] !== '#')) return null;
    return hash.slice(1).split('&').filter(function (p) {
      return p && LOCKED_KEYS.indexOf(p.split('=')[0]) < 0;
    });
  }

  function navigate(pairs) {
    if (!window.explorer || typeof window.explorer.navigate !== 'function') return false;
    // Display params first, the requested state after: the app's decoder lets later keys win.
    return window.explorer.navigate('#' + display().concat(pairs).join('&'));
  }

  function reset() {
    if (window.explorer) window.explorer.navigate(initialUrl);
  }

  function setSlideActive(active) {
    slideActive = active;
    if (typeof window.rxSetSlideActive === 'function') window.rxSetSlideActive(active);
  }

  // Garbage from the host is named in the console (at most MAX_WARNINGS times) and changes
  // nothing.
  var MAX_WARNINGS = 20;
  var warnings = 0;
  function ignored(why, data) {
    if (warnings >= MAX_WARNINGS) return;
    warnings++;
    var shown;
    try { shown = JSON.stringify(data); } catch (e) { shown = String(data); }
    if (typeof shown !== 'string') shown = String(shown);
    if (shown.length > 120) shown = shown.slice(0, 117) + '...';
    console.warn('Rust explorer: ignored a message from the host page: ' + why + ' (' + shown + ')' +
      (warnings === MAX_WARNINGS ? '; further ignored messages are not reported' : ''));
  }

  // Why a navigate state is refused ('' = fine): README "postMessage API" lists the keys.
  function stateProblem(state) {
    if (!state || typeof state !== 'object' || Array.isArray(state)) return 'state must be an object';
    var keys = Object.keys(state);
    for (var i = 0; i < keys.length; i++) {
      var k = keys[i], v = state[k];
      if (TEXT_KEYS.indexOf(k) >= 0) {
        if (typeof v !== 'string') return k + ' must be a string';
        if (v.length > MAX_TEXT) return k + ' is over ' + MAX_TEXT + ' characters';
      } else if (LIST_KEYS.indexOf(k) >= 0) {
        if (!Array.isArray(v) || v.length > MAX_LIST || v.some(function (x) { return typeof x !== 'string' || x.length > MAX_TEXT; }))
          return k + ' must be a list of at most ' + MAX_LIST + ' strings';
      } else if (FLAG_KEYS.indexOf(k) >= 0) {
        if (typeof v !== 'boolean') return k + ' must be true or false';
      } else if (k === 'scale') {
        if (typeof v !== 'number' || !isFinite(v)) return 'scale must be a number';
      }
    }
    if (keys.length && !keys.some(function (k) {
      return TEXT_KEYS.indexOf(k) >= 0 || LIST_KEYS.indexOf(k) >= 0 || FLAG_KEYS.indexOf(k) >= 0 || k === 'scale';
    })) return 'state has no key the explorer knows (view, card, q, tag, section, mq, domains, facets, inferred, rsort, csort, pivot, row, col, theme, scale)';
    return '';
  }

  function sizeOk(data) {
    try { return JSON.stringify(data).length <= MAX_MESSAGE_CHARS; } catch (e) { return false; }
  }

  window.addEventListener('message', function (e) {
    var host = hostWindow();
    if (!host || e.source !== host) return;
    if (allowedOrigin && e.origin !== allowedOrigin) return;
    var d = e.data;
    // reveal.js: plain strings to iframes on the current / the previous slide.
    if (d === 'slide:start') {
      measureFrame();
      setSlideActive(true);
      if (resetOnStart) reset();
      return;
    }
    if (d === 'slide:stop') {
      setSlideActive(false);
      return;
    }
    if (!d || typeof d !== 'object' || Array.isArray(d) || typeof d.type !== 'string') {
      // reveal.js posts JSON strings to YouTube/Vimeo frames only; anything else is not for us.
      ignored('not an {type: "explorer:..."} object', d);
      return;
    }
    if (!sizeOk(d)) {
      ignored('over ' + MAX_MESSAGE_CHARS + ' characters', d.type);
      return;
    }
    if (d.type === 'explorer:navigate') {
      var problem = d.hash !== undefined ? '' : stateProblem(d.state);
      var pairs = problem ? null : d.hash !== undefined ? pairsFromHash(d.hash) : pairsFromState(d.state);
      if (pairs) navigate(pairs);
      else ignored('explorer:navigate: ' + (problem || 'hash must be a string starting with # (at most 4096 characters)'), d);
    } else if (d.type === 'explorer:reset') {
      reset();
    } else if (d.type === 'explorer:display') {
      if (typeof d.frameScale !== 'number' || !isFinite(d.frameScale) || d.frameScale <= 0) ignored('explorer:display: frameScale must be a positive number', d);
      else setFrameScale(d.frameScale);
    } else if (d.type === 'explorer:getState') {
      var answer = lastState ? Object.assign({ ready: true }, lastState) : { ready: false };
      post(e.source, { type: 'explorer:state', state: answer }, e.origin);
    } else {
      ignored('unknown type ' + JSON.stringify(d.type.slice(0, 40)), d);
    }
  });

  // ---- events from the app (boot.js turns host calls into these) ----
  window.addEventListener('explorer:changed', function (e) {
    var s = e.detail;
    if (!s || typeof s !== 'object') return;
    lastState = s;
    post(hostWindow(), { type: 'explorer:changed', state: s });
  });

  window.addEventListener('explorer:first-frame', function () {
    // boot.js defines rxSetSlideActive just before the app starts: apply an early slide:stop.
    if (!slideActive) setSlideActive(false);
    post(hostWindow(), { type: 'explorer:ready' });
  });

  // Static mode (print.js: print-pdf decks, speaker previews): no first frame; ready once the
  // state's rendition can be made, so a deck can send its fragment step.
  window.addEventListener('explorer:static-ready', function () {
    post(hostWindow(), { type: 'explorer:ready', static: true });
  });

  window.addEventListener('explorer:release-focus', function () {
    // Esc closed nothing: give the keyboard back to the page around us (a deck's arrows).
    if (!inFrame) return;
    try {
      if (window.frameElement) window.frameElement.blur(); // same origin: we can do it ourselves
      window.parent.focus();
    } catch (e) { /* cross-origin: the message below tells the host page */ }
    post(window.parent, { type: 'explorer:release-focus' });
  });

  window.rxEmbed = {
    embed: embed,
    inFrame: inFrame,
    allowedOrigin: allowedOrigin,
    slideActive: function () { return slideActive; },
    frameScale: function () { return frameScale; },
    realDpr: realDpr,
    reset: reset
  };
})();
