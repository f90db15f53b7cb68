// Registers the service worker and offers updates without forcing them.
// A new version installs in the background and waits; a small banner says "New version
// available" with a Reload button. Accepting activates the waiting worker, and the page
// reloads once when it takes control, so the whole page then comes from the new version.
// Tests read window.explorerPwa.status().
"use strict";

(() => {
  const sw = navigator.serviceWorker;
  const state = {
    supported: Boolean(sw),
    registered: false,
    controlled: Boolean(sw && sw.controller),
    version: null,
    updateWaiting: false,
    error: null,
  };
  const REGISTER_WITHOUT_CANVAS_MS = 3000;
  let registration = null;
  let accepted = false;
  let reloading = false;
  let banner = null;

  window.explorerPwa = {
    status: () => ({ ...state }),
    // For tests and the UI: checks the server for a new version now.
    checkForUpdate: () => (registration ? registration.update().then(() => true) : Promise.resolve(false)),
  };
  if (!sw) return;

  // The version the page runs: asked from the controlling worker (it serves one cache only),
  // or from the network on a first, uncontrolled visit.
  function askVersion(worker) {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      const timer = setTimeout(() => resolve(null), 3000);
      channel.port1.onmessage = (event) => {
        clearTimeout(timer);
        resolve(event.data && event.data.version);
      };
      worker.postMessage({ type: "GET_VERSION" }, [channel.port2]);
    });
  }

  async function refreshVersion() {
    let version = null;
    if (sw.controller) version = await askVersion(sw.controller);
    if (!version) {
      try {
        const response = await fetch("version.json", { cache: "no-store" });
        if (response.ok) version = (await response.json()).version;
      } catch {
        // Offline and uncontrolled: nothing to know.
      }
    }
    if (version && !state.version) state.version = version;
  }

  function hideBanner() {
    if (banner) banner.remove();
    banner = null;
  }

  function showBanner(message, onReload) {
    hideBanner();
    banner = document.createElement("div");
    banner.className = "pwa-banner";
    banner.id = "pwa-update";
    banner.setAttribute("role", "status");

    const text = document.createElement("p");
    text.textContent = message;
    const reload = document.createElement("button");
    reload.type = "button";
    reload.className = "pwa-reload";
    reload.textContent = "Reload";
    reload.addEventListener("click", () => {
      reload.disabled = true;
      reload.textContent = "Reloading…";
      onReload();
    });
    const dismiss = document.createElement("button");
    dismiss.type = "button";
    dismiss.className = "pwa-dismiss";
    dismiss.setAttribute("aria-label", "Not now");
    dismiss.title = "Not now";
    dismiss.textContent = "×";
    dismiss.addEventListener("click", hideBanner);

    banner.append(text, reload, dismiss);
    document.body.append(banner);
  }

  function offerUpdate(worker) {
    state.updateWaiting = true;
    showBanner("New version available —", () => {
      accepted = true;
      worker.postMessage({ type: "SKIP_WAITING" });
    });
  }

  function track(worker) {
    if (!worker) return;
    const check = () => {
      // "installed" with a controller means an update; without one it is the first install.
      if (worker.state === "installed" && sw.controller) offerUpdate(worker);
    };
    worker.addEventListener("statechange", check);
    check();
  }

  sw.addEventListener("controllerchange", () => {
    const first = !state.controlled;
    state.controlled = true;
    if (first) {
      refreshVersion();
      return; // first install claimed this page: same version, nothing to reload
    }
    if (reloading) return;
    if (accepted) {
      reloading = true;
      window.location.reload();
    } else {
      // Another tab accepted the update: this page's files are now older than the cache.
      state.updateWaiting = true;
      showBanner("The explorer was updated in another tab —", () => {
        reloading = true;
        window.location.reload();
      });
    }
  });

  async function register() {
    try {
      registration = await sw.register("sw.js", { scope: "./", updateViaCache: "none" });
      state.registered = true;
      if (registration.waiting && sw.controller) offerUpdate(registration.waiting);
      track(registration.installing);
      registration.addEventListener("updatefound", () => track(registration.installing));
      // Chromium may postpone its own check after a navigation while the page is busy; ask
      // now (a revalidation of sw.js, usually a 304).
      if (sw.controller && !registration.installing && !registration.waiting) registration.update().catch(() => {});
    } catch (error) {
      state.error = String(error && error.message ? error.message : error);
    }
    refreshVersion();
  }

  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && registration) registration.update().catch(() => {});
  });

  // Installing the worker precaches every file (~1.4 MB): after the explorer's first frame, not
  // alongside the first paint and the boot's own downloads (the page's load event now comes
  // before those start). Without a canvas (no WebGL2, a failed boot) the rendition still goes
  // offline, a few seconds after load.
  let registering = false;
  const registerOnce = () => {
    if (registering) return;
    registering = true;
    register();
  };
  window.addEventListener("explorer:first-frame", registerOnce, { once: true });
  const registerLater = () => setTimeout(registerOnce, REGISTER_WITHOUT_CANVAS_MS);
  if (document.readyState === "complete") registerLater();
  else window.addEventListener("load", registerLater, { once: true });
})();
