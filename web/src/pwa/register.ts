// Registers the service worker (sw.ts) from this script file — an inline registration would break
// the site's Content-Security-Policy (script-src 'self') — and reports a new version when one is
// installed and waiting. The page decides when to take it (updatePrompt in app-root): never on its
// own, and never while a model trains.
import { Workbox } from 'workbox-window';

export interface PendingUpdate {
  /** Activates the waiting version; the page reloads once it has taken control. */
  apply(): void;
}

/** Registers ./sw.js for this directory (any sub-path); calls onUpdate when a new version waits. */
export function registerServiceWorker(onUpdate: (update: PendingUpdate) => void): void {
  // Only the production build has a service worker; the dev server serves none.
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  const scope = new URL('./', document.baseURI).href;
  const wb = new Workbox(new URL('sw.js', scope).href, { scope });
  wb.addEventListener('waiting', () => {
    onUpdate({
      apply() {
        // Reload once the new worker controls the page, so that every file comes from the new build.
        wb.addEventListener('controlling', () => window.location.reload());
        wb.messageSkipWaiting();
      },
    });
  });
  wb.register().catch((e: unknown) => {
    // No service worker (a private window, a browser that refuses it): the page still works online.
    console.warn('Service worker not registered:', e);
  });
}
