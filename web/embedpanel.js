// The Embed panel (README "Embed code"): the top bar's Embed button (host call "embed-panel")
// opens a modal <dialog> with the embed options, a preview of the frame's size and the <iframe>
// code for the current view, for a reveal.js slide and for a plain page. The code comes from the
// app (rx_embed_code -> core/embed_code), which knows the view; this file is only the form.
// A DOM dialog rather than canvas widgets: real form controls for keyboards, screen readers and
// phones, and real text to select and copy.
(function () {
  'use strict';
  var module = null;
  var dialog = null;
  var fields = {};
  var SCALES = ['1', '1.25', '1.5', '2'];

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { e.appendChild(c); });
    return e;
  }

  function callApp(options) {
    if (!module || typeof module._rx_embed_code !== 'function') return null;
    var text = JSON.stringify(options);
    var len = module.lengthBytesUTF8(text) + 1;
    var ptr = module._malloc(len);
    try {
      module.stringToUTF8(text, ptr, len);
      var answer = JSON.parse(module.UTF8ToString(module._rx_embed_code(ptr)));
      return answer && !answer.error ? answer : null;
    } catch (e) {
      return null;
    } finally {
      module._free(ptr);
    }
  }

  function options() {
    var theme = dialog.querySelector('input[name="embed-theme"]:checked');
    return {
      theme: theme ? theme.value : 'auto',
      transparent: fields.transparent.checked,
      scale: Number(fields.scale.value) || 1,
      controls: fields.controls.checked,
      width: Math.round(Number(fields.width.value) || 960),
      height: Math.round(Number(fields.height.value) || 540),
      title: document.title || 'Rust overview explorer',
      base: location.origin + location.pathname
    };
  }

  // The frame's proportions at most 280 px wide, and what its layout width is at that scale.
  function updatePreview(o) {
    var w = Math.min(3840, Math.max(240, o.width)), h = Math.min(2160, Math.max(180, o.height));
    var k = Math.min(280 / w, 160 / h);
    fields.previewBox.style.width = Math.round(w * k) + 'px';
    fields.previewBox.style.height = Math.round(h * k) + 'px';
    fields.previewLabel.textContent = w + ' × ' + h;
    fields.previewNote.textContent = 'The explorer lays out as if ' + Math.round(w / o.scale) + ' × ' +
      Math.round(h / o.scale) + ' px wide' + (o.scale > 1 ? ', everything ' + o.scale + '× larger.' : '.');
  }

  function refresh() {
    var o = options();
    updatePreview(o);
    var code = callApp(o);
    fields.reveal.value = code ? code.reveal : '';
    fields.page.value = code ? code.page : '';
    fields.status.textContent = code ? '' : 'The explorer is still loading; the code appears when it is ready.';
    return code;
  }

  function copy(which) {
    var code = refresh();
    if (!code) return;
    var text = code[which];
    window.explorer.lastCopiedEmbed = text;
    var done = function () { fields.status.textContent = 'Embed code copied.'; };
    var fallback = function () {
      var area = which === 'reveal' ? fields.reveal : fields.page;
      area.focus();
      area.select();
      try { document.execCommand('copy'); } catch (e) { /* selected: the user can copy it */ }
      done();
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, fallback);
    else fallback();
  }

  function radio(value, label, checked) {
    var input = el('input', { type: 'radio', name: 'embed-theme', value: value });
    input.checked = checked;
    return el('label', {}, [input, document.createTextNode(' ' + label)]);
  }

  function build() {
    fields.transparent = el('input', { type: 'checkbox', name: 'transparent' });
    fields.controls = el('input', { type: 'checkbox', name: 'controls' });
    fields.scale = el('select', { name: 'scale' }, SCALES.map(function (s) {
      return el('option', { value: s, text: s === '1' ? '1 (screens)' : s + '×' + (s === '1.5' ? ' (projectors)' : '') });
    }));
    fields.width = el('input', { type: 'number', name: 'width', min: '240', max: '3840', step: '10', value: '960', inputmode: 'numeric' });
    fields.height = el('input', { type: 'number', name: 'height', min: '180', max: '2160', step: '10', value: '540', inputmode: 'numeric' });
    fields.previewLabel = el('span', {});
    fields.previewBox = el('div', { class: 'embed-preview-box' }, [fields.previewLabel]);
    fields.previewNote = el('p', { class: 'embed-note' });
    fields.reveal = el('textarea', { id: 'embed-code-reveal', readonly: '', rows: '3', spellcheck: 'false' });
    fields.page = el('textarea', { id: 'embed-code-page', readonly: '', rows: '3', spellcheck: 'false' });
    fields.status = el('p', { class: 'embed-status', role: 'status' });
    var copyReveal = el('button', { type: 'button', class: 'embed-copy', 'data-copy': 'reveal', text: 'Copy embed code' });
    var copyPage = el('button', { type: 'button', class: 'embed-copy', 'data-copy': 'page', text: 'Copy embed code for a page' });
    var close = el('button', { type: 'submit', value: 'close', class: 'embed-close', text: 'Close' });
    var form = el('form', { method: 'dialog' }, [
      el('h2', { id: 'embed-title', text: 'Embed this view' }),
      el('fieldset', {}, [el('legend', { text: 'Theme' }), radio('auto', 'Like the viewer\'s system', true),
        radio('light', 'Light', false), radio('dark', 'Dark', false)]),
      el('label', {}, [fields.transparent, document.createTextNode(' Transparent background (the slide shows through)')]),
      el('label', {}, [document.createTextNode('Scale for projectors '), fields.scale]),
      el('label', {}, [fields.controls, document.createTextNode(' Show the explorer\'s controls (top bar)')]),
      el('div', { class: 'embed-size' }, [
        el('label', {}, [document.createTextNode('Width '), fields.width]),
        el('label', {}, [document.createTextNode('Height '), fields.height])]),
      el('div', { class: 'embed-preview', 'aria-hidden': 'true' }, [fields.previewBox]),
      fields.previewNote,
      el('label', { for: 'embed-code-reveal', text: 'For a reveal.js slide (loads with the deck: data-preload)' }),
      fields.reveal, copyReveal,
      el('label', { for: 'embed-code-page', text: 'For a web page' }),
      fields.page, copyPage,
      fields.status,
      close
    ]);
    dialog = el('dialog', { id: 'embed-panel', 'aria-labelledby': 'embed-title' }, [form]);
    form.addEventListener('input', refresh);
    form.addEventListener('change', refresh);
    copyReveal.addEventListener('click', function () { copy('reveal'); });
    copyPage.addEventListener('click', function () { copy('page'); });
    document.body.appendChild(dialog);
  }

  function open() {
    if (!dialog) build();
    refresh();
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal(); else dialog.setAttribute('open', '');
    }
    var first = dialog.querySelector('input[name="embed-theme"]:checked');
    if (first) first.focus();
  }

  window.addEventListener('explorer:wired', function (e) { module = e.detail && e.detail.module; });
  window.addEventListener('explorer:embed-panel', open);
  window.rxEmbedPanel = {
    open: open,
    close: function () { if (dialog && dialog.open) dialog.close(); },
    // The code for given options (tests, scripts): {theme, transparent, scale, controls, ...}.
    code: function (o) { return callApp(Object.assign({ base: location.origin + location.pathname }, o || {})); }
  };
})();
