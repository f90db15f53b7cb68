// DOM twins of the canvas's controls: the explorer sends its accessibility tree
// (src/core/access_tree.h) as an explorer:a11y-tree event whenever it changed, and this keeps one
// element per node in #twins, an invisible layer over the canvas: same roles, names and states,
// placed where the controls are drawn, no pointer events. Activating a twin (Enter, Space, a
// screen reader's default action, a click) and focusing it go back to the wasm as requests that
// the next frame applies like a click or a key; keys the canvas would take (arrows, Home, End,
// Page Up/Down, Esc, Ctrl+C) are handed to it as key events. When the canvas moves its keyboard
// focus, the DOM focus follows to the matching twin. Nothing runs without a new tree: idle costs
// nothing.
(function () {
  'use strict';
  var canvas = document.getElementById('canvas');
  if (!canvas) return;

  var layer = null;
  var records = new Map(); // id -> { el, tag, role, node }
  var tree = null;
  var builds = 0;
  // The tree focus last acted on. A request reaches the wasm at once and the next frame applies
  // it, so every tree that arrives after a twin's request already reflects it: only a change of
  // the tree's focus is the canvas moving the focus by itself.
  var appliedFocus = '';
  var syncing = false;     // focus moved by us: not a request
  var heldKeys = new Set(); // scancodes handed down and not yet up

  // KeyboardEvent.code -> SDL scancode (USB HID usage), for the keys the canvas handles itself.
  var SCANCODES = {
    ArrowRight: 79, ArrowLeft: 80, ArrowDown: 81, ArrowUp: 82, Home: 74, End: 77,
    PageUp: 75, PageDown: 78, Escape: 41,
    // Shift+F10 and the context-menu key open the explorer's own menu for the focused control.
    F10: 67, ContextMenu: 101
  };
  var SCANCODE_C = 6;
  var OTHER_SCANCODES = {
    Enter: 40, Backspace: 42, Tab: 43, Space: 44, Slash: 56, Delete: 76, NumpadEnter: 88,
    ControlLeft: 224, ShiftLeft: 225, AltLeft: 226, MetaLeft: 227,
    ControlRight: 228, ShiftRight: 229, AltRight: 230, MetaRight: 231
  };
  function scancodeOf(code) {
    if (SCANCODES[code]) return SCANCODES[code];
    if (OTHER_SCANCODES[code]) return OTHER_SCANCODES[code];
    var m = /^Key([A-Z])$/.exec(code || '');
    if (m) return 4 + m[1].charCodeAt(0) - 65;
    m = /^Digit([0-9])$/.exec(code || '');
    if (m) return m[1] === '0' ? 39 : 29 + Number(m[1]);
    return 0;
  }
  // Keys that went down on the canvas: when the DOM focus moves to a twin before they come up,
  // the canvas never sees them come up (it would take them as held, and repeat them). Their
  // release is handed over like the twins' own keys.
  var canvasHeld = new Set();
  // Roles a user operates: focusable (tabindex 0 or -1) and activated by Enter, Space or a click.
  var ACTIVE_ROLES = { button: 1, tab: 1, link: 1, gridcell: 1, menuitem: 1, checkbox: 1 };

  function bridge() { return window.rxTwinBridge || null; }

  // The text fields have real DOM twins of their own (textagent.js: typing, input
  // methods, selection); this layer adds none for them.
  var TEXT_AGENT_FIELDS = { search: 'search', text: 'mfilter' };
  function ownedByTextAgent(node) {
    return (node.role === 'searchbox' || node.role === 'textbox') && !!window.rxTextAgent &&
      Object.prototype.hasOwnProperty.call(TEXT_AGENT_FIELDS, node.id);
  }
  function textAgentField(id) {
    return document.getElementById('rx-field-' + (TEXT_AGENT_FIELDS[id] || id));
  }

  function request(id, action, value) {
    var b = bridge();
    if (b) b.request(id, action, value || '');
  }

  function sdlMods(e) {
    return (e.shiftKey ? 0x1 : 0) | (e.ctrlKey ? 0x40 : 0) | (e.altKey ? 0x100 : 0) | (e.metaKey ? 0x400 : 0);
  }

  function tagFor(node, hasKids) {
    if (node.role === 'searchbox' || node.role === 'textbox') return 'input';
    if (node.role === 'combobox') return 'select';
    if (node.role === 'option') return 'option';
    if (node.role === 'text' && !hasKids) return 'p';
    return 'div';
  }

  function ensureLayer() {
    if (layer) return layer;
    layer = document.createElement('div');
    layer.id = 'twins';
    // A landmark of its own: a screen reader lists it next to the document's main content.
    layer.setAttribute('role', 'region');
    layer.setAttribute('aria-label', 'Explorer controls');
    canvas.after(layer);
    layer.addEventListener('focusin', onFocusIn);
    layer.addEventListener('keydown', onKeyDown);
    layer.addEventListener('click', onClick);
    layer.addEventListener('input', onInput);
    layer.addEventListener('change', onChange);
    document.addEventListener('keyup', onKeyUp, true);
    canvas.addEventListener('keydown', function (e) { if (e.code) canvasHeld.add(e.code); }, true);
    window.addEventListener('blur', releaseKeys);
    window.addEventListener('resize', placeLayer);
    return layer;
  }

  function placeLayer() {
    if (!layer) return;
    var r = canvas.getBoundingClientRect();
    var s = layer.style;
    s.left = r.left + 'px';
    s.top = r.top + 'px';
    s.width = r.width + 'px';
    s.height = r.height + 'px';
  }

  function twinOf(el) {
    while (el && el !== layer) {
      if (el.dataset && el.dataset.twin !== undefined) return el;
      el = el.parentElement;
    }
    return null;
  }

  function setAttr(el, name, value) {
    if (value === null || value === undefined) {
      if (el.hasAttribute(name)) el.removeAttribute(name);
      return;
    }
    var v = String(value);
    if (el.getAttribute(name) !== v) el.setAttribute(name, v);
  }

  // Role, name, description and state of one node on its element.
  function describe(rec, node, hasKids, focusable) {
    var el = rec.el, st = node.state || {}, role = node.role;
    if (rec.tag === 'div') setAttr(el, 'role', role === 'group' && !node.name ? null : role);
    if (rec.tag === 'p') setAttr(el, 'role', null);
    if (rec.tag === 'input') {
      setAttr(el, 'type', role === 'searchbox' ? 'search' : 'text');
      setAttr(el, 'aria-label', node.name);
      setAttr(el, 'autocomplete', 'off');
      setAttr(el, 'spellcheck', 'false');
      if (document.activeElement !== el && el.value !== (node.value || '')) el.value = node.value || '';
    } else if (rec.tag === 'select') {
      setAttr(el, 'aria-label', node.name);
    } else if (rec.tag === 'option') {
      if (el.textContent !== node.name) el.textContent = node.name;
      el.value = node.value || '';
      el.selected = !!st.selected;
    } else if (hasKids || role === 'grid' || role === 'row' || role === 'tablist' ||
               role === 'navigation' || role === 'region' || role === 'group') {
      // Containers are named by a label; their content is their twins (no text of their own).
      setAttr(el, 'aria-label', node.name || null);
      for (var c = el.firstChild; c; ) {
        var next = c.nextSibling;
        if (c.nodeType !== 1) c.remove();
        c = next;
      }
    } else {
      setAttr(el, 'aria-label', null);
      if (el.textContent !== node.name) el.textContent = node.name;
    }
    setAttr(el, 'aria-description', node.description || null);
    if (role === 'heading') setAttr(el, 'aria-level', node.level || 2);
    if (role === 'grid') setAttr(el, 'aria-rowcount', node.level || null);
    if (role === 'grid') setAttr(el, 'aria-colcount', node.columns || null);
    // A large grid has twins only for what is on screen: each says where it sits in the whole.
    setAttr(el, 'aria-rowindex', role === 'row' && node.index ? node.index : null);
    setAttr(el, 'aria-colindex', /^(gridcell|columnheader|rowheader)$/.test(role) && node.index ? node.index : null);
    setAttr(el, 'aria-pressed', 'pressed' in st ? String(st.pressed) : null);
    setAttr(el, 'aria-expanded', 'expanded' in st ? String(st.expanded) : null);
    setAttr(el, 'aria-checked', 'checked' in st ? String(st.checked) : null);
    if (role === 'tab') setAttr(el, 'aria-selected', String(!!st.selected));
    else if (role === 'gridcell') setAttr(el, 'aria-selected', st.selected ? 'true' : null);
    setAttr(el, 'aria-current', st.current ? 'location' : null);
    setAttr(el, 'aria-disabled', st.disabled ? 'true' : null);
    if (st.offscreen) el.dataset.offscreen = ''; else delete el.dataset.offscreen;
    if (rec.tag === 'input' || rec.tag === 'select') setAttr(el, 'tabindex', focusable ? null : '-1');
    else if (ACTIVE_ROLES[role]) setAttr(el, 'tabindex', focusable ? '0' : '-1');
    else setAttr(el, 'tabindex', null);
  }

  // Box of a node, relative to its nearest ancestor with a box; a node scrolled out of view stays
  // inside that box (at its edge), so focusing it never scrolls the page.
  function place(el, node, box) {
    var r = node.rect;
    if (!r) {
      if (el.dataset.box !== undefined) { delete el.dataset.box; el.style.cssText = ''; }
      return;
    }
    var x = r[0] - (box ? box[0] : 0), y = r[1] - (box ? box[1] : 0), w = r[2], h = r[3];
    if (node.state && node.state.offscreen && box) {
      w = Math.min(w, box[2]);
      h = Math.min(h, box[3]);
      x = Math.max(0, Math.min(x, box[2] - w));
      y = Math.max(0, Math.min(y, box[3] - h));
    }
    el.dataset.box = '';
    var css = 'left:' + x + 'px;top:' + y + 'px;width:' + w + 'px;height:' + h + 'px';
    if (el.style.cssText !== css) el.style.cssText = css;
  }

  function sameArray(a, b) {
    if (a === b) return true;
    if (!a || !b || a.length !== b.length) return false;
    for (var k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
    return true;
  }
  function sameState(a, b) {
    a = a || {}; b = b || {};
    var ka = Object.keys(a), kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    for (var k = 0; k < ka.length; k++) if (a[ka[k]] !== b[ka[k]]) return false;
    return true;
  }
  // The same role, name, state and box as last time (the parent index may differ: elements are
  // placed under their parent's element below).
  function sameNode(a, b) {
    return a.id === b.id && a.role === b.role && a.name === b.name && a.value === b.value &&
      a.description === b.description && a.level === b.level && a.columns === b.columns &&
      a.index === b.index && sameArray(a.rect, b.rect) && sameState(a.state, b.state);
  }

  function apply(t) {
    if (!t || !Array.isArray(t.nodes)) return;
    ensureLayer();
    placeLayer();
    tree = t;
    builds++;
    var nodes = t.nodes, n = nodes.length, i;
    var hasKids = new Array(n).fill(false), boxOf = new Array(n);
    for (i = 0; i < n; i++) {
      var p = nodes[i].parent;
      if (typeof p === 'number' && p >= 0 && p < i) hasKids[p] = true; else nodes[i].parent = -1;
    }
    for (i = 0; i < n; i++) {
      var par = nodes[i].parent;
      boxOf[i] = nodes[i].rect ? i : (par >= 0 ? boxOf[par] : -1);
    }
    var focusLost = false, active = document.activeElement;
    var seen = new Set(), els = new Array(n);
    // A grid is one Tab stop: its focused, pinned or first marked cell (the arrows move inside).
    var gridStop = {};
    for (i = 0; i < n; i++) {
      var g = nodes[i];
      if (g.role !== 'gridcell' || !(g.state && g.state.focusable)) continue;
      var grid = nodes[nodes[g.parent] ? nodes[g.parent].parent : -1];
      var key = grid ? grid.id : '';
      var rank = g.id === t.focus ? 3 : (g.state.selected ? 2 : 1);
      if (!gridStop[key] || rank > gridStop[key].rank) gridStop[key] = { id: g.id, rank: rank };
    }
    for (i = 0; i < n; i++) {
      var node = nodes[i];
      if (typeof node.id !== 'string' || seen.has(node.id) || ownedByTextAgent(node)) continue;
      seen.add(node.id);
      var tag = tagFor(node, hasKids[i]);
      var rec = records.get(node.id);
      if (!rec || rec.tag !== tag) {
        if (rec) {
          if (rec.el.contains(active)) focusLost = true;
          rec.el.remove();
        }
        var el = document.createElement(tag);
        el.dataset.twin = node.id;
        rec = { el: el, tag: tag };
        records.set(node.id, rec);
      }
      var focusable = !!(node.state && node.state.focusable);
      if (node.role === 'gridcell' && focusable) {
        var gridNode = nodes[nodes[node.parent] ? nodes[node.parent].parent : -1];
        focusable = gridStop[gridNode ? gridNode.id : ''].id === node.id;
      }
      var parent = node.parent;
      var box = parent >= 0 && boxOf[parent] >= 0 ? nodes[boxOf[parent]].rect : null;
      // A tree of a large document changes a few nodes at a time: the others keep their element
      // as it is (no attribute reads or writes).
      if (rec.tag === 'input' || rec.tag === 'select' || !rec.node || rec.hasKids !== hasKids[i] ||
          rec.focusable !== focusable || !sameNode(rec.node, node) || !sameArray(rec.box, box)) {
        describe(rec, node, hasKids[i], focusable);
        place(rec.el, node, box);
      }
      rec.node = node;
      rec.hasKids = hasKids[i];
      rec.focusable = focusable;
      rec.box = box;
      els[i] = rec.el;
    }
    records.forEach(function (rec, id) {
      if (seen.has(id)) return;
      if (rec.el.contains(active)) focusLost = true;
      rec.el.remove();
      records.delete(id);
    });
    // Children in tree order under each parent (moves only what is out of place: moving the
    // focused element would blur it).
    var kids = new Map();
    kids.set(layer, []);
    for (i = 0; i < n; i++) {
      if (!els[i]) continue;
      var pe = nodes[i].parent >= 0 ? els[nodes[i].parent] : layer;
      if (!pe) continue;
      if (!kids.has(pe)) kids.set(pe, []);
      kids.get(pe).push(els[i]);
    }
    kids.forEach(function (list, pe) {
      for (var k = 0; k < list.length; k++) {
        var at = pe.children[k];
        if (at !== list[k]) pe.insertBefore(list[k], at || null);
      }
      while (pe.children.length > list.length) pe.lastElementChild.remove();
    });
    followCanvasFocus(focusLost);
  }

  // The canvas moved its keyboard focus: the DOM focus follows, when it is ours to move (on the
  // canvas or a twin, or just lost with a twin that went away).
  function followCanvasFocus(focusLost) {
    var t = tree;
    var changed = t.focus !== appliedFocus;
    appliedFocus = t.focus;
    if (!t.focus || !t.focusVisible || !(changed || focusLost)) return;
    var a = document.activeElement;
    // A text field's input (textagent.js) counts too: Tab there hands the focus to the canvas.
    var fromField = !!(a && a.classList && a.classList.contains('rx-text-twin'));
    if (!(focusLost || fromField || a === canvas || (a && layer.contains(a)))) return;
    var rec = records.get(t.focus);
    if (!rec || rec.el === a) return;
    // Typing on the canvas (its own field is active) stays there: a text field's twin takes the
    // focus only from another twin (Tab, `/`).
    if (a === canvas && (rec.tag === 'input' || rec.tag === 'select')) return;
    syncing = true;
    try { rec.el.focus({ preventScroll: true }); } finally { syncing = false; }
  }

  function onFocusIn(e) {
    if (syncing) return;
    var el = twinOf(e.target);
    if (!el) return;
    request(el.dataset.twin, 'focus');
  }

  function activate(el) {
    var rec = records.get(el.dataset.twin);
    if (!rec || !ACTIVE_ROLES[rec.node.role]) return false;
    if (rec.node.state && rec.node.state.disabled) return true;
    request(el.dataset.twin, 'activate');
    return true;
  }

  function focusSearch() {
    applyPending(); // a tree still waiting for its task describes what the user acts on
    var rec = records.get('search') || records.get('text');
    var el = rec ? rec.el : textAgentField('search') || textAgentField('text');
    if (!el) return false;
    el.focus({ preventScroll: true });
    return true;
  }

  function onKeyDown(e) {
    applyPending(); // a tree still waiting for its task describes what the user acts on
    var el = twinOf(e.target);
    if (!el) return;
    var id = el.dataset.twin;
    // The explorer's context menu is drawn in the canvas and has the keys while it is open.
    if (contextMenuOpen()) {
      var menuKey = scancodeOf(e.code);
      if (menuKey) forwardKey(e, menuKey);
      return;
    }
    if (el.tagName === 'INPUT') {
      if (e.key === 'Enter') {
        e.preventDefault();
        request(id, e.shiftKey ? 'submit-back' : 'submit');
      } else if (e.key === 'Escape' && !el.value) {
        forwardKey(e, SCANCODES.Escape);
      }
      return;
    }
    if (el.tagName === 'SELECT') return;
    var plain = !e.ctrlKey && !e.altKey && !e.metaKey;
    if (plain && e.key === 'Tab') {
      var field = textFieldBeside(id, e.shiftKey ? -1 : 1);
      if (field) {
        e.preventDefault();
        field.focus({ preventScroll: true });
      }
      return;
    }
    if (plain && (e.key === 'Enter' || e.key === ' ')) {
      if (activate(el)) e.preventDefault();
      return;
    }
    if ((plain && e.key === '/') || ((e.ctrlKey || e.metaKey) && (e.key === 'k' || e.key === 'K'))) {
      if (focusSearch()) e.preventDefault();
      return;
    }
    if ((e.ctrlKey || e.metaKey) && e.code === 'KeyC' && !hasSelection()) {
      forwardKey(e, SCANCODE_C);
      return;
    }
    if (Object.prototype.hasOwnProperty.call(SCANCODES, e.code)) forwardKey(e, SCANCODES[e.code]);
  }

  // The text fields' inputs (textagent.js) live outside this layer, so native Tab would skip
  // them: the input of a text field next to `id` in the tree's focus order, or null.
  function textFieldBeside(id, step) {
    applyPending(); // a tree still waiting for its task describes what the user acts on
    if (!tree || !window.rxTextAgent) return null;
    var order = tree.nodes.filter(function (n) { return n.state && n.state.focusable; });
    for (var i = 0; i < order.length; i++) {
      if (order[i].id !== id) continue;
      var next = order[i + step];
      return next && ownedByTextAgent(next) ? window.rxTextAgent.twin(TEXT_AGENT_FIELDS[next.id]) : null;
    }
    return null;
  }

  // The explorer's context menu is open while its `menu` twin is in the tree.
  function contextMenuOpen() {
    return !!(layer && layer.querySelector('[role="menu"]'));
  }


  function hasSelection() {
    var s = window.getSelection && window.getSelection();
    return !!(s && !s.isCollapsed && String(s).length);
  }

  function forwardKey(e, scancode) {
    var b = bridge();
    if (!b) return;
    e.preventDefault();
    heldKeys.add(scancode);
    b.key(scancode, sdlMods(e), true);
  }

  function onKeyUp(e) {
    if (canvasHeld.delete(e.code) && e.target !== canvas) {
      var b0 = bridge(), sc = scancodeOf(e.code);
      if (b0 && sc) b0.key(sc, sdlMods(e), false);
      heldKeys.delete(sc);
      return;
    }
    var scancode = e.code === 'KeyC' ? SCANCODE_C : SCANCODES[e.code];
    if (!scancode || !heldKeys.has(scancode)) return;
    heldKeys.delete(scancode);
    var b = bridge();
    if (b) b.key(scancode, sdlMods(e), false);
  }

  function releaseKeys() {
    var b = bridge();
    heldKeys.forEach(function (scancode) { if (b) b.key(scancode, 0, false); });
    heldKeys.clear();
    canvasHeld.clear(); // the window lost focus: SDL releases the canvas's keys itself
  }

  // A screen reader's default action, or a click from a script: the same as Enter.
  function onClick(e) {
    applyPending(); // a tree still waiting for its task describes what the user acts on
    var el = twinOf(e.target);
    if (el && activate(el)) e.preventDefault();
  }

  function onInput(e) {
    var el = twinOf(e.target);
    if (el && el.tagName === 'INPUT') request(el.dataset.twin, 'set', el.value);
  }

  function onChange(e) {
    var el = twinOf(e.target);
    if (el && el.tagName === 'SELECT') request(el.dataset.twin, 'set', el.value);
  }

  // A tree arrives as JSON text after the explorer's frame (boot.js handles it in a task of its
  // own, the latest of those waiting only), so its DOM work never delays the pixels. Handlers
  // that act on the twins take a tree still waiting first.
  function applyPending() {
    if (window.rxHost && window.rxHost.flush) window.rxHost.flush();
  }
  window.addEventListener('explorer:a11y-tree', function (e) {
    if (typeof e.detail !== 'string' || !e.detail) return;
    var t;
    try { t = JSON.parse(e.detail); } catch (err) { return; } // not a tree: the twins stay as they are
    apply(t);
  });
  // The explorer let go of the keyboard (an embed's Esc): a twin lets go too.
  window.addEventListener('explorer:release-focus', function () {
    if (layer && layer.contains(document.activeElement)) document.activeElement.blur();
  });

  // For tests and debugging: what the layer holds.
  window.rxTwins = {
    builds: function () { applyPending(); return builds; },
    count: function () { applyPending(); return records.size; },
    tree: function () { applyPending(); return tree; }
  };
})();
