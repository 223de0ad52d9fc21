// Starting a page's map after the page has painted. Leaflet and the map's modules are most of what a page with a
// map downloads and all of what it runs: asked for beside the stylesheets, they compete with them for a phone's
// bandwidth and hold back the first paint of the text, which needs none of them. The pages lay their maps out by
// CSS alone, so nothing moves when the scripts arrive.

/**
 * Resolves once the browser reports the page's first contentful paint (reported when shown, a frame after the
 * main thread drew it). A hidden page paints nothing, so it does not wait; a report that never comes is given up
 * after two seconds. A browser without paint timing waits for its next frame to be drawn instead.
 */
export const afterFirstPaint = () => new Promise((resolve) => {
  if (document.visibilityState === 'hidden') return resolve();
  if (!PerformanceObserver.supportedEntryTypes?.includes('paint')) return requestAnimationFrame(() => setTimeout(resolve, 0));
  const observer = new PerformanceObserver((entries) => {
    if (!entries.getEntriesByName('first-contentful-paint').length) return;
    observer.disconnect();
    resolve();
  });
  observer.observe({ type: 'paint', buffered: true });
  setTimeout(resolve, 2000);
});

/** Loads a classic script (Leaflet sets the global the modules read); rejects when it does not arrive. */
export const classicScript = (src) => new Promise((resolve, reject) => {
  const script = Object.assign(document.createElement('script'), { src, async: false });
  script.addEventListener('load', resolve);
  script.addEventListener('error', () => reject(new Error(`${src} did not load`)));
  document.head.append(script);
});

/** Where Leaflet is served (libman.json), for the scripts that load it after the first paint. */
export const leafletScript = '/lib/leaflet/leaflet.js';
