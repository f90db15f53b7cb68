// JS side of the platform layer: functions the wasm calls. The page-facing API
// (window.explorer, URL, postMessage, visibility) lives in web/boot.js, which implements
// the `rxHost` object these call into.
mergeInto(LibraryManager.library, {
  rxjs_host_call: function (name, bytes, length) {
    // Quoted names: Closure renames dotted properties it has no externs for.
    var host = (typeof window !== 'undefined') && window['rxHost'];
    if (!host || typeof host['post'] !== 'function') return;
    try {
      // A copy of the payload's bytes (a memcpy): decoding and handling it may wait until the
      // frame is over (boot.js decides which calls can).
      host['post'](UTF8ToString(name), HEAPU8.slice(bytes, bytes + length));
    } catch (e) {
      console.warn('explorer host call failed:', name, e);
    }
  },
  rxjs_now_ms: function () {
    return performance.now();
  },
  rxjs_prefers_dark: function () {
    return (typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches) ? 1 : 0;
  },
  rxjs_prefers_reduced_motion: function () {
    // Asked every frame: one MediaQueryList, whose `matches` follows the setting.
    if (typeof matchMedia !== 'function') return 0;
    var query = window['rxReducedMotionQuery'] ||
      (window['rxReducedMotionQuery'] = matchMedia('(prefers-reduced-motion: reduce)'));
    return query.matches ? 1 : 0;
  },
});
