// Real text fields behind the explorer's text fields. Every text field the canvas
// draws (cards search "search", matrix filter "mfilter") has a twin here: an <input> placed over
// it, transparent, so typing is a browser's own typing: keys, input methods (composition),
// dictation, autocorrect, emoji, paste, cut, undo and the selection happen in the twin, which
// sends its value and selection to the wasm (rx_text_input); the canvas draws them.
//
// The twins are also the text fields' accessible twins: role=searchbox, labelled
// ("Search cards", "Filter adopters"), id "rx-field-<field id>", inside #rx-text-fields. They
// exist while their field is on screen (hidden otherwise) and are never Tab stops of the page
// (tabindex=-1): Tab inside the explorer follows the explorer's own order.
//
// Focus: a twin takes the keyboard only when the user asks inside the explorer: a click or tap
// on its field (decided here, in the pointer/touch handler, from the field's rect the wasm
// publishes: iOS opens its keyboard only for a focus() inside the user's own gesture), `/`,
// Ctrl/Cmd+K or Ctrl/Cmd+F in the canvas, or Tab reaching the field. Never by itself, so an
// embed never takes a host page's keyboard.
(function () {
  'use strict';
  var canvas = document.getElementById('canvas');
  if (!canvas) return;
  var root = document.documentElement;
  var module = null;
  var fields = {}; // id -> {id, el, info, textVersion, selVersion, sent, compStart, compEnd, composing}
  var layer = null;
  var lastPointer = 'mouse';
  var touch = null; // the touch in progress: {x, y, field}
  var pendingFocus = null; // a shortcut asked for a field the next frame shows: {id, at}
  var FONT_PX = 17; // the canvas field's text size (src/ui/theme.cpp kBodySize); >= 16: no iOS zoom
  var PAD_X = 10;   // its horizontal padding (ImGui FramePadding.x)

  function withString(s, fn) {
    var m = module;
    var len = m.lengthBytesUTF8(s) + 1;
    var ptr = m._malloc(len);
    m.stringToUTF8(s, ptr, len);
    try { return fn(ptr); } finally { m._free(ptr); }
  }

  function modifiers(e) {
    return (e.ctrlKey ? 1 : 0) | (e.metaKey ? 2 : 0) | (e.shiftKey ? 4 : 0) | (e.altKey ? 8 : 0) |
      (e.isComposing || e.keyCode === 229 ? 16 : 0);
  }

  function byteLength(s) { return module ? module.lengthBytesUTF8(s) : s.length; }

  // --- twin -> wasm -------------------------------------------------------------------------

  function sync(f) {
    if (!module) return;
    var el = f.el;
    var v = el.value;
    var s = el.selectionStart || 0, e = el.selectionEnd || 0;
    var back = el.selectionDirection === 'backward' ? 1 : 0;
    // A pre-edit shows underlined with the caret in it, not as a selection.
    if (f.composing) { s = e; back = 0; }
    var cs = f.composing ? f.compStart : 0, ce = f.composing ? f.compEnd : 0;
    var key = v + '\u0000' + s + ',' + e + ',' + back + ',' + cs + ',' + ce;
    if (key === f.sent) return;
    f.sent = key;
    withString(f.id, function (idp) {
      withString(v, function (vp) { module._rx_text_input(idp, vp, s, e, back, cs, ce); });
    });
  }

  function focusChanged(f, focused) {
    if (!module) return;
    withString(f.id, function (idp) { module._rx_text_focus(idp, focused ? 1 : 0); });
  }

  function fieldKey(f, e) {
    if (!module) return '';
    return withString(f.id, function (idp) {
      return withString(e.key || '', function (kp) {
        return module.UTF8ToString(module._rx_text_key(idp, kp, modifiers(e)));
      });
    });
  }

  // Paste and drop: one line, cut at the field's limit on a character boundary (the wasm
  // decides), inserted as typed text so the field's undo keeps it.
  function insertFitted(f, text) {
    var el = f.el;
    var kept = el.value.slice(0, el.selectionStart || 0) + el.value.slice(el.selectionEnd || 0);
    var fitted = withString(f.id, function (idp) {
      return withString(text, function (tp) {
        return module.UTF8ToString(module._rx_text_fit(idp, tp, byteLength(kept)));
      });
    });
    if (!fitted) return;
    var done = false;
    try { done = document.execCommand('insertText', false, fitted); } catch (err) { done = false; }
    if (!done) {
      el.setRangeText(fitted, el.selectionStart || 0, el.selectionEnd || 0, 'end');
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }
    sync(f);
  }

  // Text Dear ImGui cannot lay out: right-to-left scripts, combining marks and conjuncts, emoji
  // joined by ZWJ, flags, skin tones, presentation selectors. The twin shows such text itself,
  // with the browser's shaping, bidi, caret and selection, in the field's colours over the
  // canvas's field (class rx-shaped); other text stays the canvas's. The wasm decides
  // (rx_needs_shaping, the same test its status line uses); plain ASCII never needs it.
  function needsShaping(text) {
    if (!module || /^[\x20-\x7e]*$/.test(text)) return false;
    return withString(text, function (p) { return module._rx_needs_shaping(p) === 1; });
  }

  function showShaped(f) {
    var shaped = needsShaping(f.el.value);
    var colors = f.info.colors || {};
    var key = shaped ? [colors.text, colors.bg, colors.selection].join('|') : '';
    if (key === f.shapedKey) return;
    f.shapedKey = key;
    f.shaped = shaped;
    f.el.classList.toggle('rx-shaped', shaped);
    if (shaped) {
      f.el.style.setProperty('--rx-field-text', String(colors.text || ''));
      f.el.style.setProperty('--rx-field-bg', String(colors.bg || ''));
      f.el.style.setProperty('--rx-field-selection', String(colors.selection || ''));
    }
    f.placed = null;
    place(f);
  }

  function create(info) {
    var el = document.createElement('input');
    el.type = 'text';
    el.id = 'rx-field-' + info.id;
    el.className = 'rx-text-twin';
    el.tabIndex = -1;
    el.setAttribute('role', 'searchbox');
    el.setAttribute('inputmode', 'search');
    el.setAttribute('enterkeyhint', 'search');
    el.setAttribute('autocapitalize', 'off');
    el.setAttribute('autocomplete', 'off');
    el.spellcheck = false;
    el.dir = 'auto'; // an Arabic or Hebrew query reads right to left (shown by the twin)
    el.style.fontSize = FONT_PX + 'px';
    el.style.paddingLeft = el.style.paddingRight = PAD_X + 'px';
    var f = { id: info.id, el: el, info: info, textVersion: -1, selVersion: -1, sent: null,
      composing: false, compStart: 0, compEnd: 0 };
    var later = function () { sync(f); };
    el.addEventListener('input', function (e) {
      // Composition text (also when its compositionstart went to another element).
      if (e.inputType === 'insertCompositionText' || e.isComposing) {
        var data = typeof e.data === 'string' ? e.data : '';
        if (!f.composing) {
          f.composing = true;
          f.compStart = Math.max(0, (el.selectionEnd || 0) - data.length);
        }
        f.compEnd = f.compStart + data.length;
      }
      sync(f);
      showShaped(f);
    });
    el.addEventListener('select', later);
    el.addEventListener('keyup', later);
    el.addEventListener('keydown', function (e) {
      var r = fieldKey(f, e);
      if (r === 'handled') e.preventDefault();
      else if (r === 'select-all') { e.preventDefault(); el.select(); }
      setTimeout(later, 0); // arrows and Home/End move the caret after this event
    });
    el.addEventListener('beforeinput', function (e) {
      // The on-screen keyboard's Enter (Android sends it as an edit, key code 229).
      if (e.inputType === 'insertLineBreak' || e.inputType === 'insertParagraph') {
        e.preventDefault();
        fieldKey(f, { key: 'Enter', shiftKey: false, ctrlKey: false, metaKey: false, altKey: false });
      } else if (e.inputType === 'insertFromDrop' && e.dataTransfer) {
        e.preventDefault();
        insertFitted(f, e.dataTransfer.getData('text/plain') || '');
      }
    });
    el.addEventListener('paste', function (e) {
      var text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
      // Only a paste with text is taken over (to fold and fit it); anything else stays the
      // browser's, so paste is never simply refused.
      if (!text) return;
      e.preventDefault();
      insertFitted(f, text);
    });
    el.addEventListener('compositionstart', function () {
      f.composing = true;
      f.compStart = Math.min(el.selectionStart || 0, el.selectionEnd || 0);
      f.compEnd = f.compStart;
    });
    el.addEventListener('compositionupdate', function (e) {
      f.compEnd = f.compStart + (e.data || '').length;
    });
    el.addEventListener('compositionend', function () {
      f.composing = false;
      sync(f);
    });
    el.addEventListener('focus', function () {
      focusChanged(f, true);
      sync(f);
      pointerMode(f);
      followViewport();
    });
    el.addEventListener('blur', function () {
      f.composing = false;
      focusChanged(f, false);
      pointerMode(f);
      followViewport();
    });
    ensureLayer().appendChild(el);
    fields[info.id] = f;
    return f;
  }

  // With a finger, a focused twin takes the touches on its field itself: the platform's caret
  // placement, selection handles and Paste callout. A mouse stays with the canvas, whose field
  // places the caret where its own glyphs are (the twin follows).
  function pointerMode(f) {
    var own = document.activeElement === f.el && lastPointer === 'touch';
    f.el.style.pointerEvents = own ? 'auto' : 'none';
  }

  function ensureLayer() {
    if (layer) return layer;
    layer = document.createElement('div');
    layer.id = 'rx-text-fields';
    // A landmark: screen readers list it with the page's regions ("Search").
    layer.setAttribute('role', 'search');
    layer.setAttribute('aria-label', 'Explorer');
    canvas.parentNode.insertBefore(layer, canvas.nextSibling);
    return layer;
  }

  // --- wasm -> twin -------------------------------------------------------------------------

  // The canvas's box, read again only when the page's layout may have moved it: a read after a
  // style change would force a layout inside the frame that published the fields.
  var canvasBox = null;
  function box() {
    if (!canvasBox) canvasBox = canvas.getBoundingClientRect();
    return canvasBox;
  }
  window.addEventListener('resize', function () { canvasBox = null; });
  window.addEventListener('scroll', function () { canvasBox = null; }, true);

  function place(f) {
    var r = f.info.rect;
    var el = f.el;
    // While typing, only the text changes: the twin stays where it is.
    var where = r.join(',') + '|' + (f.composing ? f.info.caretX : '') + '|' + (canvasBox ? 1 : 0);
    if (where === f.placed) return;
    f.placed = where;
    var b = box();
    el.style.left = (b.left + r[0]) + 'px';
    el.style.top = (b.top + r[1]) + 'px';
    el.style.width = r[2] + 'px';
    el.style.height = r[3] + 'px';
    // While composing, the twin's caret sits on the canvas caret: the input method's candidate
    // window opens there.
    var shift = 0;
    if (f.composing && f.info.caretX >= 0 && !f.shaped) {
      var ctx = place.ctx || (place.ctx = document.createElement('canvas').getContext('2d'));
      ctx.font = getComputedStyle(el).font;
      var domCaret = PAD_X + ctx.measureText(el.value.slice(0, el.selectionEnd || 0)).width - el.scrollLeft;
      shift = (f.info.caretX - r[0]) - domCaret;
    }
    el.style.transform = shift ? 'translateX(' + shift + 'px)' : '';
  }

  function update(list) {
    var seen = {};
    (Array.isArray(list) ? list : []).forEach(function (info) {
      if (!info || typeof info.id !== 'string' || !Array.isArray(info.rect)) return;
      var f = fields[info.id] || create(info);
      f.info = info;
      seen[info.id] = true;
      f.el.hidden = false;
      if (f.el.getAttribute('aria-label') !== info.label) f.el.setAttribute('aria-label', info.label);
      // The app changed the text (URL, clear, Esc, a value cut at the limit): the twin takes it.
      if (info.textVersion !== f.textVersion) {
        f.textVersion = info.textVersion;
        if (f.el.value !== info.text) f.el.value = info.text;
        f.selVersion = -1;
        f.sent = null;
      }
      // A click or drag in the canvas field moved the selection: the twin follows.
      if (info.selVersion !== f.selVersion) {
        f.selVersion = info.selVersion;
        var s = info.sel || [0, 0];
        try { f.el.setSelectionRange(s[0], s[1], info.backward ? 'backward' : 'forward'); } catch (e) { /* hidden */ }
      }
      place(f);
      showShaped(f);
      if (pendingFocus && pendingFocus.id === info.id && performance.now() - pendingFocus.at < 1000 &&
          document.activeElement === canvas) focusSelected(f);
    });
    Object.keys(fields).forEach(function (id) {
      if (seen[id]) return;
      var f = fields[id];
      if (document.activeElement === f.el) canvas.focus({ preventScroll: true });
      f.el.hidden = true;
    });
  }

  function request(d) {
    var f = d && fields[d.id];
    if (!f) return;
    if (d.focus) {
      // A touch in progress focuses on its own touchend, inside the gesture (iOS).
      if (!touch && document.activeElement !== f.el) f.el.focus({ preventScroll: true });
    } else if (document.activeElement === f.el) {
      canvas.focus({ preventScroll: true });
    }
  }

  function hit(x, y) {
    if (window.rxHost && window.rxHost.flush) window.rxHost.flush(); // the last frame's boxes
    var b = canvas.getBoundingClientRect();
    for (var id in fields) {
      var f = fields[id], r = f.info.rect;
      if (f.el.hidden) continue;
      var px = x - b.left, py = y - b.top;
      if (px >= r[0] && py >= r[1] && px < r[0] + r[2] && py < r[1] + r[3]) return f;
    }
    return null;
  }

  function focusedTwin() {
    for (var id in fields) if (document.activeElement === fields[id].el) return fields[id];
    return null;
  }

  // --- pointer, touch and keys on the canvas ------------------------------------------------

  canvas.addEventListener('pointerdown', function (e) {
    lastPointer = e.pointerType || 'mouse';
    var f = hit(e.clientX, e.clientY);
    if (!f) return;
    e.rxTextField = f.id; // boot.js leaves the focus alone
    if (lastPointer === 'touch') {
      touch = { x: e.clientX, y: e.clientY, field: f };
    } else if (e.button === 0) {
      f.el.focus({ preventScroll: true });
    } else if (e.button === 2) {
      // The browser's own context menu for a text field (Paste): it opens on what is under the
      // pointer, so the twin is there for this click.
      f.el.focus({ preventScroll: true });
      f.el.style.pointerEvents = 'auto';
      setTimeout(function () { pointerMode(f); }, 800);
    }
  });

  // A tap (not a drag) on a field focuses its twin inside the touch gesture, which is what lets
  // iOS open the keyboard; a tap elsewhere closes it.
  canvas.addEventListener('touchend', function (e) {
    var t = e.changedTouches && e.changedTouches[0];
    var start = touch;
    touch = null;
    if (!t) return;
    var moved = start ? Math.abs(t.clientX - start.x) + Math.abs(t.clientY - start.y) : 0;
    var f = hit(t.clientX, t.clientY);
    if (f && start && start.field === f && moved < 12) {
      if (document.activeElement === f.el) f.el.blur(); // focus again: the keyboard reopens
      f.el.focus({ preventScroll: true });
      pointerMode(f);
    } else if (!f) {
      var open = focusedTwin();
      if (open) open.el.blur();
    }
  });
  canvas.addEventListener('touchcancel', function () { touch = null; });

  // `/`, Ctrl/Cmd+K, Ctrl/Cmd+F, F3 and Ctrl/Cmd+G in the canvas (the wasm decides): before
  // SDL's own key listener on the canvas, so no key is delivered twice.
  // A control's twin (twins.js) stands for the canvas here: the keyboard focus follows it there.
  function onCanvasOrTwin(el) {
    return el === canvas || !!(el && el.closest && el.closest('#twins [data-twin]'));
  }
  window.addEventListener('keydown', function (e) {
    if (!onCanvasOrTwin(e.target) || !module) return;
    if (window.rxHost && window.rxHost.flush) window.rxHost.flush(); // fields the last frame drew
    var r = withString(e.key || '', function (kp) {
      return module.UTF8ToString(module._rx_canvas_key(kp, modifiers(e)));
    });
    if (!r) return;
    e.preventDefault();
    e.stopPropagation();
    if (r.indexOf('focus:') === 0) {
      var f = fields[r.slice(6)];
      if (f && !f.el.hidden) focusSelected(f);
      else pendingFocus = { id: r.slice(6), at: performance.now() }; // drawn by the next frame
    }
  }, true);

  function focusSelected(f) {
    pendingFocus = null;
    f.el.focus({ preventScroll: true });
    f.el.select();
    sync(f);
  }

  // --- the on-screen keyboard and the visual viewport ---------------------------------------

  // While a twin has the keyboard, the canvas covers the visual viewport only (what the
  // on-screen keyboard leaves): the field and the first results stay in view above it.
  function followViewport() {
    var vv = window.visualViewport;
    if (!vv) return;
    var up = !!focusedTwin() && vv.height < window.innerHeight - 1;
    var was = root.classList.contains('rx-keyboard');
    if (up) {
      root.style.setProperty('--rx-vv-top', vv.offsetTop + 'px');
      root.style.setProperty('--rx-vv-height', vv.height + 'px');
    }
    root.classList.toggle('rx-keyboard', up);
    canvasBox = null;
    if (up || was) window.dispatchEvent(new Event('resize')); // SDL re-reads the canvas size
  }
  if (window.visualViewport) {
    window.visualViewport.addEventListener('resize', followViewport);
    window.visualViewport.addEventListener('scroll', followViewport);
  }

  window.addEventListener('explorer:wired', function (e) { module = e.detail && e.detail.module; });
  window.addEventListener('explorer:text-fields', function (e) { update(e.detail && e.detail.fields); });
  window.addEventListener('explorer:text-focus', function (e) { request(e.detail); });

  window.rxTextAgent = {
    twin: function (id) { var f = fields[id]; return f ? f.el : null; },
    fieldAt: function (x, y) { var f = hit(x, y); return f ? f.id : null; }
  };
})();
