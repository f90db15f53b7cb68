// Glyphs the explorer's fonts lack (CJK, emoji, most scripts), drawn with the browser's own fonts.
// The wasm asks with a "glyphs" host call ({generation, px, codePoints}); each code
// point is drawn here with Canvas 2D at the atlas's pixel size (CSS size x devicePixelRatio, so the
// bitmap is texel for pixel), measured, and handed back with its pixels (rx_fallback_glyph) or as
// unavailable when the browser has no font for it either (it draws the same box as for a code
// point no font has). Drawing runs in short slices between frames, never inside one.
(function () {
  'use strict';
  var module = null;
  var job = null;         // {generation, px, codePoints, next}
  var timer = 0;
  var ctx = null;
  var tofu = {};          // px -> the bitmap of a code point no font has
  var SLICE_MS = 8;       // at most this long per task: input and frames go between slices
  // Sans faces first (the explorer's own is Noto Sans), then the platforms' emoji faces; the
  // browser's per-character fallback finds the rest.
  var STACK = '"Noto Sans", system-ui, sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"';
  var NO_FONT = String.fromCodePoint(0x10FFFD); // private use, plane 16: no font has it

  function context() {
    if (!ctx) {
      var c = document.createElement('canvas');
      ctx = c.getContext('2d', { willReadFrequently: true });
    }
    return ctx;
  }

  // One character's bitmap and metrics, or null when it has no ink (then only its advance).
  function draw(text, px) {
    var c = context();
    c.font = px + 'px ' + STACK;
    var m = c.measureText(text);
    var advance = m.width;
    var left = Math.ceil(m.actualBoundingBoxLeft || 0) + 1;
    var ascent = Math.ceil(m.actualBoundingBoxAscent || 0) + 1;
    var w = left + Math.ceil(m.actualBoundingBoxRight || 0) + 1;
    var h = ascent + Math.ceil(m.actualBoundingBoxDescent || 0) + 1;
    var glyph = { advance: advance, left: -left, top: ascent, w: 0, h: 0, colored: false, rgba: null };
    if (!(w > 2 && h > 2) || w > 8 * px || h > 8 * px || w > 1024 || h > 1024) return glyph;
    var canvas = c.canvas;
    if (canvas.width < w || canvas.height < h) {
      canvas.width = Math.max(canvas.width, w);
      canvas.height = Math.max(canvas.height, h);
      c.font = px + 'px ' + STACK; // resizing resets the context
    }
    c.clearRect(0, 0, w, h);
    c.fillStyle = '#fff';
    c.textBaseline = 'alphabetic';
    c.fillText(text, left, ascent);
    var data = c.getImageData(0, 0, w, h).data;
    // White ink stays white (it takes the text colour); anything else is a colour glyph (emoji).
    var colored = false, ink = false;
    for (var i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) continue;
      ink = true;
      if (data[i + 3] > 32 && (data[i] < 224 || data[i + 1] < 224 || data[i + 2] < 224)) { colored = true; break; }
    }
    if (!ink) return glyph;
    if (!colored) for (var j = 0; j < data.length; j += 4) data[j] = data[j + 1] = data[j + 2] = 255;
    glyph.w = w;
    glyph.h = h;
    glyph.colored = colored;
    glyph.rgba = data;
    return glyph;
  }

  function sameBitmap(a, b) {
    // Only a box with ink identifies "no font": glyphs without ink (spaces, joiners) are kept.
    if (!a || !b || !a.rgba || !b.rgba || a.w !== b.w || a.h !== b.h || a.advance !== b.advance) return false;
    for (var i = 0; i < a.rgba.length; ++i) if (a.rgba[i] !== b.rgba[i]) return false;
    return true;
  }

  function send(generation, cp, g) {
    var m = module;
    var bytes = g.rgba ? g.w * g.h * 4 : 0;
    var ptr = bytes ? m._malloc(bytes) : 0;
    if (bytes && !ptr) { m._rx_fallback_glyph_missing(generation, cp); return; }
    if (bytes) m.HEAPU8.set(g.rgba, ptr); // HEAPU8 read after malloc: memory may have grown
    try {
      m._rx_fallback_glyph(generation, cp, g.rgba ? g.w : 0, g.rgba ? g.h : 0, g.advance, g.left, g.top, g.colored ? 1 : 0, ptr);
    } finally {
      if (ptr) m._free(ptr);
    }
  }

  function slice() {
    timer = 0;
    if (!job || !module) return;
    var until = performance.now() + SLICE_MS;
    var px = job.px;
    if (!(px in tofu)) tofu[px] = draw(NO_FONT, px);
    while (job.next < job.codePoints.length && performance.now() < until) {
      var cp = job.codePoints[job.next++];
      var g = null;
      try { g = draw(String.fromCodePoint(cp), px); } catch (e) { g = null; }
      if (!g || sameBitmap(g, tofu[px])) module._rx_fallback_glyph_missing(job.generation, cp);
      else send(job.generation, cp, g);
    }
    if (job.next < job.codePoints.length) {
      module._rx_wake(); // what is drawn so far shows at the next frame
      timer = setTimeout(slice, 0);
      return;
    }
    var done = job.generation;
    // DevTools' Timings track (and the measurements in docs/PERFORMANCE.md): request to answer.
    if (performance.measure) performance.measure('rx:glyphs ' + job.codePoints.length, { start: job.at });
    job = null;
    module._rx_fallback_glyphs_done(done);
  }

  function request(detail) {
    if (!detail || !Array.isArray(detail.codePoints)) return;
    var px = Number(detail.px);
    if (!(px >= 4 && px <= 400)) px = 17;
    px = Math.round(px * 100) / 100;
    var cps = detail.codePoints.filter(function (cp) {
      return Number.isInteger(cp) && cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
    });
    // A newer request (a new pixel size) replaces the one being drawn: its answers are stale.
    job = { generation: detail.generation | 0, px: px, codePoints: cps, next: 0, at: performance.now() };
    if (!timer) timer = setTimeout(slice, 0);
  }

  window.addEventListener('explorer:wired', function (e) {
    module = e.detail && e.detail.module;
    if (job && !timer) timer = setTimeout(slice, 0);
  });
  window.addEventListener('explorer:glyphs', function (e) { request(e.detail); });
})();
