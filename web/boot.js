// Boots the canvas explorer over the static rendition: checks WebGL2, fetches content and
// fonts while the wasm compiles, hands them over, then wires the page to the app (URL,
// history, visibility, clipboard, postMessage, context loss). window.explorer is the test and
// host API (README: "State hook").
(function () {
  'use strict';
  var root = document.documentElement;
  var statusEl = document.getElementById('status');
  var liveEl = document.getElementById('live');
  var canvas = document.getElementById('canvas');
  var params = new URLSearchParams(location.search);
  var MAX_URL_STATE = 4096;
  // What rx_prepare / rx_start return: rx::StartResult (src/platform/start_result.h), held to
  // these numbers by tests/unit/test_start_result.cpp.
  var START_RESULT = { started: 0, sdlInitFailed: 1, noWebGL2: 2, noFont: 3 };
  var module = null;
  var api = null;
  var bootError = null;

  function setStatus(text, kind) {
    if (!statusEl) return;
    statusEl.textContent = text || '';
    if (kind) statusEl.dataset.kind = kind; else delete statusEl.dataset.kind;
    statusEl.hidden = !text;
  }

  function fail(message) {
    bootError = message;
    root.classList.remove('ready');
    root.classList.add('no-canvas');
    setStatus(message, 'error');
  }

  function urlState() {
    var s = location.hash || '';
    if (s.length > MAX_URL_STATE) s = s.slice(0, MAX_URL_STATE);
    // Query parameters (embed=1, view=..., theme=...) count as state too; the hash wins.
    var q = location.search ? location.search.slice(1) : '';
    if (q.length > MAX_URL_STATE) q = q.slice(0, MAX_URL_STATE);
    return q ? '?' + q + (s ? '&' + s.slice(1) : '') : s;
  }

  // Query keys that are URL state (src/core/url_state.h). Once the app writes the hash, which
  // always holds the whole state, these leave the query so the two can never disagree.
  var STATE_KEYS = ['view', 'card', 'q', 'tag', 'section', 'mq', 'domains', 'facets', 'inferred',
    'rsort', 'csort', 'pivot', 'row', 'col', 'embed', 'theme', 'bg', 'scale', 'controls', 'parent'];

  function searchWithoutState() {
    var q = new URLSearchParams(location.search);
    STATE_KEYS.forEach(function (k) { q.delete(k); });
    var rest = q.toString();
    return rest ? '?' + rest : '';
  }

  // The app's own URL writes: pushState/replaceState fire no popstate/hashchange, so nothing
  // echoes back into the app; an unchanged URL is not written at all.
  // Replacements (typing into a filter rewrites the URL on every key) are coalesced: written once
  // they stop for REPLACE_QUIET_MS, and at the latest REPLACE_MAX_WAIT_MS after the first, outside
  // the frame that asked (each is a synchronous round trip to the browser process, costlier than
  // the frame of the key that asked for it). A push writes at once, after any pending replace;
  // leaving the page writes what is pending.
  var REPLACE_QUIET_MS = 250, REPLACE_MAX_WAIT_MS = 1000;
  var pendingReplace = null, pendingSince = 0;
  var replaceTimer = 0;

  function applyUrl(url, push) {
    if (url === location.pathname + location.search + location.hash) return;
    try {
      if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
    } catch (e) { /* sandboxed or throttled: the app state is still right */ }
  }

  function urlWithHash(hash) {
    return location.pathname + searchWithoutState() + hash;
  }

  function flushUrl() {
    if (replaceTimer) clearTimeout(replaceTimer);
    replaceTimer = 0;
    var hash = pendingReplace;
    pendingReplace = null;
    if (hash !== null) applyUrl(urlWithHash(hash), false);
  }

  // A replacement only notes the hash inside the frame; the URL is put together when it is written.
  function writeUrl(hash, push) {
    if (typeof hash !== 'string' || hash.length > MAX_URL_STATE || (hash && hash[0] !== '#')) return;
    if (push) {
      flushUrl();
      applyUrl(urlWithHash(hash), true);
      return;
    }
    var now = performance.now();
    if (pendingReplace === null) pendingSince = now;
    pendingReplace = hash;
    if (replaceTimer) clearTimeout(replaceTimer);
    replaceTimer = setTimeout(flushUrl, Math.max(0, Math.min(REPLACE_QUIET_MS, pendingSince + REPLACE_MAX_WAIT_MS - now)));
  }
  window.addEventListener('pagehide', flushUrl);

  function fullLink(hash) {
    return location.origin + location.pathname + searchWithoutState() + (hash || '');
  }

  function copyText(text) {
    function fallback() {
      var ta = document.createElement('textarea');
      ta.value = text;
      ta.setAttribute('readonly', '');
      ta.className = 'sr-only';
      document.body.appendChild(ta);
      ta.select();
      try { document.execCommand('copy'); } catch (e) { /* nothing more to try */ }
      ta.remove();
      if (canvas && document.activeElement !== canvas) canvas.focus({ preventScroll: true });
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).catch(fallback);
    } else {
      fallback();
    }
  }

  // The last copy event that carried the explorer's selection: the app's own Ctrl+C request that
  // follows it then has nothing left to do (Safari allows clipboard writes only inside such an
  // event; elsewhere the Clipboard API is the fallback).
  var lastSelectionCopy = { text: null, at: -1e9 };
  // The same for copy controls (a menu item, Copy text, the selection toolbar, Copy as TSV):
  // written inside the pointerup that clicked them, so the app's request a frame later has nothing
  // left to do. Several may wait at once (two controls clicked before a slow frame came): each
  // request finds its own.
  var gestureCopies = []; // {text, at}
  var gestureCopyText = null; // the text the copy event of copyInGesture carries
  function copiedInGesture(text) {
    var now = performance.now();
    gestureCopies = gestureCopies.filter(function (c) { return now - c.at < 5000; });
    for (var i = 0; i < gestureCopies.length; i++) {
      if (gestureCopies[i].text === text) {
        gestureCopies.splice(i, 1);
        return true;
      }
    }
    return false;
  }
  function copyInGesture(text) {
    var done = false;
    gestureCopyText = text;
    try { done = document.execCommand('copy'); } catch (e) { done = false; }
    gestureCopyText = null;
    if (!done) copyText(text); // the Clipboard API, still inside the user's event
    gestureCopies.push({ text: text, at: performance.now() });
  }

  // Calls whose effect the frame's pixels do not wait for (the accessibility tree, the URL, the
  // announcements, the DOM text fields' boxes) are decoded and handled in a task of their own
  // right after the frame: a key typed into a search then costs its frame only the drawing.
  // Any other call handles the waiting ones first, so the page sees every call in order.
  var AFTER_FRAME = { 'a11y-tree': 1, announce: 1, changed: 1, focus: 1, glyphs: 1, 'load-file': 1,
    'text-fields': 1, 'text-input': 1, url: 1, 'wake-in': 1 };
  var afterFrame = [], afterFrameChannel = null;
  var utf8 = new TextDecoder();
  function handleAfterFrame() {
    var calls = afterFrame;
    afterFrame = [];
    // Trees replace each other: only the latest of those waiting is decoded and applied.
    var lastTree = calls.lastIndexOf('a11y-tree');
    for (var i = 0; i < calls.length; i += 2) {
      if (calls[i] === 'a11y-tree' && i !== lastTree) continue;
      try {
        window.rxHost.call(calls[i], utf8.decode(calls[i + 1]));
      } catch (e) {
        console.warn('explorer host call failed:', calls[i], e);
      }
    }
  }

  // Requests from the wasm (src/platform/explorer_bridge.js).
  window.rxHost = {
    // From the wasm: the payload as UTF-8 bytes.
    post: function (name, bytes) {
      if (!AFTER_FRAME[name]) {
        handleAfterFrame();
        window.rxHost.call(name, utf8.decode(bytes));
        return;
      }
      afterFrame.push(name, bytes);
      if (afterFrame.length > 2) return;
      if (!afterFrameChannel) {
        afterFrameChannel = new MessageChannel();
        afterFrameChannel.port1.onmessage = handleAfterFrame;
      }
      afterFrameChannel.port2.postMessage(0);
    },
    // For handlers that act on what the app reported (the twins' keys and clicks): now, not after.
    flush: handleAfterFrame,
    call: function (name, payload) {
      // The accessibility tree goes on as text: twins.js parses only the latest one, after the frame.
      if (name === 'a11y-tree') {
        window.dispatchEvent(new CustomEvent('explorer:a11y-tree', { detail: payload || '' }));
        return;
      }
      var data = payload ? JSON.parse(payload) : {};
      // Other page modules (embed.js, a11y.js, pwa.js) listen for these instead of editing this.
      window.dispatchEvent(new CustomEvent('explorer:' + name, { detail: data }));
      switch (name) {
        case 'first-frame':
          root.classList.add('ready');
          setStatus('');
          break;
        case 'url':
          writeUrl(data.hash || '', !!data.push);
          break;
        case 'copy':
          if (typeof data.text !== 'string') break;
          if (data.selection && lastSelectionCopy.text === data.text &&
              performance.now() - lastSelectionCopy.at < 2000) break;
          if (copiedInGesture(data.text)) break;
          copyText(data.text);
          break;
        case 'copy-link':
          if (typeof data.hash === 'string') {
            window.explorer.lastCopiedLink = fullLink(data.hash);
            if (!copiedInGesture(window.explorer.lastCopiedLink)) copyText(window.explorer.lastCopiedLink);
          }
          break;
        case 'wake-in': {
          // A timer the app set itself (e.g. to restore a "Link copied" label): one wake, later.
          var ms = Math.min(60000, Math.max(0, Number(data.ms) || 0));
          setTimeout(function () { if (api) api.wake(); }, ms);
          break;
        }
        case 'announce':
          if (liveEl) liveEl.textContent = data.text || '';
          break;
        case 'download': {
          var blob = new Blob([data.text || ''], { type: data.mime || 'text/plain' });
          var a = document.createElement('a');
          a.href = URL.createObjectURL(blob);
          a.download = data.name || 'download.txt';
          document.body.appendChild(a);
          a.click();
          setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
          break;
        }
        case 'load-file':
          // A file the app needs later (the extended font once a text field takes input);
          // only our own font files. If it fails, typed text shows fallback glyphs: no harm.
          if (typeof data.name === 'string' && /^fonts\/ui-[a-z-]+\.ttf$/.test(data.name)) {
            fetchOk(data.name, 'bytes').then(function (bytes) {
              if (module) passFile(module, data.name, bytes);
            }, function () {});
          }
          break;
        case 'release-focus':
          canvas.blur();
          break;
        case 'open':
          if (typeof data.url === 'string' && /^(\.\/|\/|https?:)/.test(data.url)) {
            window.open(data.url, '_blank', 'noopener');
          }
          break;
      }
    }
  };

  // Print-pdf decks, speaker-view previews, static=1 (web/print.js): no canvas, the state's
  // rendition instead.
  var staticMode = !!(window.rxPrint && window.rxPrint.staticMode());
  var staticHash = null;

  // state({cards: false}): sections without each card's details (visibleCards and matchingCards
  // name the ones drawn and the ones matching the search), cheap at 10,000 cards.
  function state(options) {
    if (staticMode) {
      return { ready: false, static: window.rxPrint.reason, url: staticHash === null ? urlState() : staticHash,
        printed: !!document.querySelector('html.has-print'), error: bootError, errors: [] };
    }
    if (!api) return { ready: false, error: bootError, errors: [] };
    return JSON.parse(api.stateJson(!(options && options.cards === false)));
  }

  window.explorer = {
    state: state,
    navigate: function (hash) {
      if (staticMode && typeof hash === 'string') {
        staticHash = hash.slice(0, MAX_URL_STATE);
        return window.rxPrint.show(staticHash);
      }
      if (!api || typeof hash !== 'string') return false;
      api.applyUrlState(hash.slice(0, MAX_URL_STATE));
      return true;
    },
    wake: function () { if (api) api.wake(); },
    setVisible: function (v) { if (api) api.setVisible(v ? 1 : 0); },
    // Every word drawn in the last frame: [{block, line, rect: [x, y, w, h], begin, end}], CSS px.
    textLayout: function () { return api ? JSON.parse(api.textLayout()) : []; },
    selectedText: function () { return api ? api.selectedText() : ''; }
  };

  // Only the API's presence: creating a throwaway context to probe costs as much as the real
  // one (100-400 ms with software GL). When the real one cannot be made, rx_start says so.
  function hasWebGL2() {
    return typeof window.WebGL2RenderingContext === 'function';
  }

  function fetchOk(url, as) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
      return as === 'bytes' ? r.arrayBuffer() : r.text();
    });
  }

  // Starts a fetch now; a failure is reported where the result is used, not as an unhandled
  // rejection in between.
  function fetchEarly(url, as) {
    var p = fetchOk(url, as);
    p.catch(function () {});
    return p;
  }

  // The content files the build names in the head (<meta name="explorer-content">, a JSON list)
  // are fetched at once, alongside content/index.json instead of after it; the index still
  // decides what is used, and a file it names that the page did not is fetched then.
  function hintedContent() {
    var hinted = {};
    var meta = document.querySelector('meta[name="explorer-content"]');
    var names = [];
    try { names = JSON.parse(meta ? meta.getAttribute('content') : '[]'); } catch (e) { names = []; }
    (Array.isArray(names) ? names : []).slice(0, 8).forEach(function (name) {
      if (typeof name === 'string' && name && !Object.prototype.hasOwnProperty.call(hinted, name))
        hinted[name] = fetchEarly('content/' + encodeURIComponent(name), 'bytes');
    });
    return function contentFile(name) {
      return Object.prototype.hasOwnProperty.call(hinted, name) ? hinted[name]
        : fetchOk('content/' + encodeURIComponent(name), 'bytes');
    };
  }

  function loadContent() {
    var contentFile = hintedContent();
    var regular = fetchEarly('fonts/ui-regular.ttf', 'bytes');
    var bold = fetchEarly('fonts/ui-bold.ttf', 'bytes');
    var version = fetchOk('version.json', 'text').then(function (t) {
      try { return String(JSON.parse(t).version || 'dev'); } catch (e) { return 'dev'; }
    }, function () { return 'dev'; });
    return fetchOk('content/index.json', 'text').then(function (text) {
      var index;
      try { index = JSON.parse(text); } catch (e) { throw new Error('content/index.json is not valid JSON'); }
      if (!index || typeof index.document !== 'string') throw new Error('content/index.json names no document');
      var files = [
        ['document-name', Promise.resolve(index.document)],
        ['document', contentFile(index.document)],
        ['fonts/ui-regular.ttf', regular],
        ['fonts/ui-bold.ttf', bold],
        ['version', version]
      ];
      // Fallback faces (arrows, triangles, check marks) when the content uses any: the build
      // lists them. Optional: the UI works without them.
      (Array.isArray(index.fallbackFonts) ? index.fallbackFonts : []).forEach(function (name) {
        if (name === 'fonts/ui-symbols.ttf' || name === 'fonts/ui-arrows.ttf')
          files.push([name, fetchOk(name, 'bytes').catch(function () { return ''; })]);
      });
      if (typeof index.adopters === 'string') files.push(['adopters.json', contentFile(index.adopters)]);
      if (typeof index.vocabulary === 'string') files.push(['tags.json', contentFile(index.vocabulary)]);
      return Promise.all(files.map(function (f) {
        return f[1].then(function (data) { return [f[0], data]; });
      }));
    });
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      // An inserted script is fetched at low priority, behind the content: this one is the
      // first frame's critical path.
      s.fetchPriority = 'high';
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error('could not load ' + src)); };
      document.head.appendChild(s);
    });
  }

  function passFile(m, name, data) {
    var bytes = typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(data);
    var ptr = m._malloc(bytes.length || 1);
    m.HEAPU8.set(bytes, ptr);
    withString(m, name, function (namePtr) { m._rx_add_file(namePtr, ptr, bytes.length); });
    m._free(ptr);
  }

  function withString(m, s, fn) {
    var len = m.lengthBytesUTF8(s) + 1;
    var ptr = m._malloc(len);
    m.stringToUTF8(s, ptr, len);
    try { return fn(ptr); } finally { m._free(ptr); }
  }

  function wirePage(m) {
    api = {
      stateJson: function (cardLists) { return m.UTF8ToString(m._rx_state_json(cardLists ? 1 : 0)); },
      applyUrlState: function (s) { withString(m, s, function (p) { m._rx_apply_url_state(p); }); },
      wake: function () { m._rx_wake(); },
      setVisible: function (v) { m._rx_set_visible(v); },
      selectedText: function () { return m.UTF8ToString(m._rx_selected_text()); },
      textLayout: function () { return m.UTF8ToString(m._rx_text_layout_json()); },
      contextMenu: function (x, y, touch) { return m._rx_context_menu(x, y, touch ? 1 : 0); },
      copyPayloadAt: function (px, py, rx, ry) {
        var json = m.UTF8ToString(m._rx_copy_payload_at(px, py, rx, ry));
        return json ? JSON.parse(json) : null;
      }
    };
    // The DOM twins' way back into the wasm (twins.js): requests and handed-over keys.
    window.rxTwinBridge = {
      request: function (id, action, value) {
        withString(m, String(id).slice(0, 512), function (a) {
          withString(m, String(action).slice(0, 32), function (b) {
            withString(m, String(value || '').slice(0, MAX_URL_STATE), function (c) { m._rx_a11y_request(a, b, c); });
          });
        });
      },
      key: function (scancode, mods, down) { m._rx_a11y_key(scancode | 0, mods | 0, down ? 1 : 0); }
    };
    // Page modules that call the wasm themselves (textagent.js) take the module from here.
    window.dispatchEvent(new CustomEvent('explorer:wired', { detail: { module: m } }));
    // Back/Forward, an edited hash or a followed deep link: the location is the truth.
    // The user moved (Back, Forward, an edited hash): a replace still pending from before is stale.
    function followUrl() {
      if (replaceTimer) clearTimeout(replaceTimer);
      replaceTimer = 0;
      pendingReplace = null;
      api.applyUrlState(urlState());
    }
    window.addEventListener('hashchange', followUrl);
    window.addEventListener('popstate', followUrl);
    var pageVisible = !document.hidden, onScreen = true, slideActive = true;
    function syncVisible() { api.setVisible(pageVisible && onScreen && slideActive ? 1 : 0); }
    document.addEventListener('visibilitychange', function () { pageVisible = !document.hidden; syncVisible(); });
    if ('IntersectionObserver' in window) {
      new IntersectionObserver(function (entries) {
        onScreen = entries[entries.length - 1].isIntersecting;
        syncVisible();
      }).observe(canvas);
    }
    window.rxSetSlideActive = function (active) { slideActive = !!active; syncVisible(); };
    document.addEventListener('paste', function (e) {
      if (document.activeElement !== canvas) return;
      var text = (e.clipboardData && e.clipboardData.getData('text/plain')) || '';
      if (text.length > 4096) text = text.slice(0, 4096);
      e.preventDefault();
      withString(m, text, function (p) { m._rx_paste(p); });
    });
    // Copy (Ctrl/Cmd+C, the browser's Edit menu) while the canvas has the keyboard: the
    // explorer's selection as plain text. Without a selection the browser does as usual.
    // SDL cancels every key on the canvas, and a cancelled Ctrl/Cmd+C fires no copy event: with a
    // selection the key goes to the browser instead (its copy event carries the text; if none
    // comes, the Clipboard API does it).
    window.addEventListener('keydown', function (e) {
      if (document.activeElement !== canvas || !(e.ctrlKey || e.metaKey) || e.altKey ||
          (e.key !== 'c' && e.key !== 'C')) return;
      var text = api.selectedText();
      if (!text) return;
      e.stopImmediatePropagation();
      var copiedBefore = lastSelectionCopy.at;
      setTimeout(function () { if (lastSelectionCopy.at === copiedBefore) copyText(text); }, 0);
    }, true);
    // Chrome enables its Copy command without a DOM selection only when beforecopy is cancelled.
    document.addEventListener('beforecopy', function (e) {
      if (gestureCopyText !== null || (document.activeElement === canvas && api.selectedText())) e.preventDefault();
    });
    document.addEventListener('copy', function (e) {
      if (gestureCopyText !== null && e.clipboardData) {
        e.clipboardData.setData('text/plain', gestureCopyText);
        e.preventDefault();
        return;
      }
      if (document.activeElement !== canvas || !e.clipboardData) return;
      var text = api.selectedText();
      if (!text) return;
      e.clipboardData.setData('text/plain', text);
      e.preventDefault();
      lastSelectionCopy = { text: text, at: performance.now() };
    });
    // The explorer's own context menu replaces the browser's canvas menu ("Save image as...").
    // From the keyboard (the menu key, Shift+F10) the app opens it on its key event.
    var menuKeyAt = -1e9;
    canvas.addEventListener('keydown', function (e) {
      if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) menuKeyAt = performance.now();
    }, true);
    canvas.addEventListener('contextmenu', function (e) {
      if (performance.now() - menuKeyAt < 1000) { e.preventDefault(); return; }
      var r = canvas.getBoundingClientRect();
      var touch = e.pointerType === 'touch' ||
        !!(e.sourceCapabilities && e.sourceCapabilities.firesTouchEvents);
      if (api.contextMenu(e.clientX - r.left, e.clientY - r.top, touch)) e.preventDefault();
    });
    canvas.addEventListener('webglcontextlost', function (e) { e.preventDefault(); m._rx_context_lost(); }, false);
    canvas.addEventListener('webglcontextrestored', function () { m._rx_context_restored(); }, false);
    window.addEventListener('resize', function () { api.wake(); });
    // SDL cancels mousedown, which also cancels the browser's focus-on-click: focus the canvas
    // ourselves, so it takes keys after a click into it (and never before: no autofocus).
    // A press on a text field leaves the focus to the field's twin (textagent.js).
    canvas.addEventListener('pointerdown', function (e) {
      if (e.rxTextField) return;
      if (document.activeElement !== canvas) canvas.focus({ preventScroll: true });
    });
    // The primary pointer's moves with their own times, for the speed of a fling: frames are too
    // coarse a clock (moves arrive aligned to frames, and a slow one looks like a rest).
    var POINTER_KINDS = { pointerdown: 0, pointermove: 1, pointerup: 2, pointercancel: 3 };
    function samplePointer(e) {
      if (!e.isPrimary || ((e.type === 'pointerdown' || e.type === 'pointerup') && e.button !== 0)) return;
      var kind = POINTER_KINDS[e.type];
      var events = kind === 1 && e.getCoalescedEvents ? e.getCoalescedEvents() : [];
      if (!events.length) events = [e];
      for (var i = 0; i < events.length; i++) m._rx_pointer_sample(kind, events[i].timeStamp, events[i].clientY);
    }
    Object.keys(POINTER_KINDS).forEach(function (type) {
      canvas.addEventListener(type, samplePointer, { capture: true, passive: true });
    });
    // A click on a copy control copies inside the user's own event (see copyInGesture). A menu
    // item acts on the press: what it copies is asked while the menu is still there.
    var copyPress = null;
    canvas.addEventListener('pointerdown', function (e) {
      copyPress = null;
      if (!e.isPrimary || e.button !== 0) return;
      var r = canvas.getBoundingClientRect();
      var x = e.clientX - r.left, y = e.clientY - r.top;
      var payload = api.copyPayloadAt(x, y, x, y);
      copyPress = { x: x, y: y, payload: payload && payload.press ? payload : null };
    }, true);
    canvas.addEventListener('pointerup', function (e) {
      var press = copyPress;
      copyPress = null;
      if (!press || !e.isPrimary || e.button !== 0) return;
      var r = canvas.getBoundingClientRect();
      var payload = press.payload || api.copyPayloadAt(press.x, press.y, e.clientX - r.left, e.clientY - r.top);
      if (!payload) return;
      if (typeof payload.hash === 'string') {
        window.explorer.lastCopiedLink = fullLink(payload.hash);
        copyInGesture(window.explorer.lastCopiedLink);
      } else if (typeof payload.text === 'string') {
        copyInGesture(payload.text);
      }
    }, true);
    // A DPR change (zoom, moving to another screen) without a resize: SDL re-reads the ratio and
    // resizes the drawing buffer on a resize event, so send one.
    (function watchDpr() {
      if (typeof matchMedia !== 'function') return;
      // The screen's own ratio: inside a scaled frame devicePixelRatio also carries the frame's
      // scale (embed.js).
      var screenDpr = window.rxEmbed && window.rxEmbed.realDpr ? window.rxEmbed.realDpr() : window.devicePixelRatio;
      var mq = matchMedia('(resolution: ' + screenDpr + 'dppx)');
      mq.addEventListener('change', function () {
        window.dispatchEvent(new Event('resize'));
        watchDpr();
      }, { once: true });
    })();
  }

  // The wasm compiles from its first bytes while explorer.js and the content load, instead of
  // after the glue script asks for it.
  function compileWasm() {
    if (typeof WebAssembly !== 'object') return null;
    var bytes = fetch('explorer.wasm', { credentials: 'same-origin' });
    if (typeof WebAssembly.compileStreaming === 'function') {
      return WebAssembly.compileStreaming(bytes).catch(function () {
        // A server without application/wasm: compile from the bytes instead.
        return fetch('explorer.wasm', { credentials: 'same-origin' }).then(function (r) { return r.arrayBuffer(); }).then(WebAssembly.compile);
      });
    }
    return bytes.then(function (r) { return r.arrayBuffer(); }).then(WebAssembly.compile);
  }

  // Resolves once the rendition's first paint has reached the screen (or after a cap). Nothing
  // of the explorer starts before it: on two cores every download, the wasm compile and the
  // WebGL2 context compete with that paint (15-run A/B: first paint 268 -> 180 ms median without
  // preloads and with the boot after it; the canvas frame within noise, 461 -> 442 ms).
  var FIRST_PAINT_WAIT_MS = 800;
  function firstPaintShown() {
    return new Promise(function (resolve) {
      var done = false;
      var finish = function () { if (!done) { done = true; resolve(); } };
      setTimeout(finish, FIRST_PAINT_WAIT_MS);
      if (document.visibilityState === 'hidden' || typeof PerformanceObserver !== 'function') return finish();
      if (performance.getEntriesByName('first-contentful-paint').length) return finish();
      try {
        var seen = function (list) {
          if (list.getEntries().some(function (e) { return e.name === 'first-contentful-paint'; })) finish();
        };
        new PerformanceObserver(seen).observe({ type: 'paint', buffered: true });
      } catch (e) { finish(); }
    });
  }

  // The loading note shows only when loading is slow: a fast start has nothing to flash (and no
  // extra page frame to draw while the GPU process makes the canvas context).
  var LOADING_NOTE_AFTER_MS = 1000;

  function boot() {
    if (staticMode) {
      // A speaker-view preview: the deck's live explorer renders it (no wasm here); else load it.
      if (window.rxPrint.showWithPeer(urlState())) {
        window.dispatchEvent(new CustomEvent('explorer:static-ready', { detail: { module: null, urlState: urlState() } }));
      } else {
        load();
      }
      return;
    }
    if (!hasWebGL2()) {
      fail('The interactive explorer needs WebGL2, which this browser does not provide. The full document is shown below.');
      return;
    }
    setTimeout(function () {
      if (!bootError && !root.classList.contains('ready')) setStatus('Loading the explorer…');
    }, LOADING_NOTE_AFTER_MS);
    firstPaintShown().then(load).catch(function (err) {
      fail('The explorer could not start (' + (err && err.message ? err.message : err) + '). The document is still readable below.');
    });
  }

  function load() {
    var wasmP = compileWasm();
    if (wasmP) wasmP.catch(function () {}); // reported where it is used
    var contentP = loadContent();
    var moduleP = loadScript('explorer.js').then(function () {
      return createExplorerModule({
        canvas: canvas,
        noInitialRun: true,
        instantiateWasm: wasmP ? function (imports, receiveInstance) {
          wasmP.then(function (compiled) {
            return WebAssembly.instantiate(compiled, imports);
          }).then(function (instance) {
            receiveInstance(instance);
          }, function (err) {
            fail('The explorer could not load (' + (err && err.message ? err.message : err) + '). The document is still readable below.');
          });
          return {}; // exports arrive through receiveInstance
        } : undefined,
        print: function (t) { console.log(t); },
        printErr: function (t) { console.warn(t); },
        onAbort: function (what) { fail('The explorer stopped unexpectedly (' + what + '). The document is still readable below.'); }
      });
    });
    Promise.all([contentP, moduleP]).then(function (results) {
      var files = results[0];
      var m = results[1];
      module = m;
      files.forEach(function (f) { passFile(m, f[0], f[1]); });
      if (staticMode) {
        window.dispatchEvent(new CustomEvent('explorer:static-ready', { detail: { module: m, urlState: urlState() } }));
        return START_RESULT.started;
      }
      wirePage(m);
      var rc = withString(m, urlState(), function (p) { return m._rx_prepare(p); });
      if (rc !== START_RESULT.started) return rc;
      return withString(m, urlState(), function (p) { return m._rx_start(p); });
    }).then(function (rc) {
      if (rc === START_RESULT.noFont) fail('The explorer could not load its font. The full document is shown below.');
      else if (rc !== START_RESULT.started) fail('The interactive explorer needs WebGL2, which could not be started here. The full document is shown below.');
    }, function (err) {
      fail('The explorer could not load its content: ' + (err && err.message ? err.message : err) + '. The document is shown below.');
    });
  }

  boot();
})();
