// The map page's scripts start after its first paint. Leaflet and the explorer's modules are more than half of
// what the page downloads and all of what it runs: asked for beside the stylesheets, they compete with them for a
// phone's bandwidth and hold back the first paint of the page's text, which needs none of them. The page is laid
// out by CSS alone (the phone views included), so nothing moves when they arrive.

import { format } from './strings.js';

/**
 * Resolves once the browser reports the page's first contentful paint (reported when shown, a frame after the
 * main thread drew it). A hidden page paints nothing, so it does not wait; a report that never comes is given up
 * after two seconds. A browser without paint timing waits for its next frame to be drawn instead.
 */
const afterFirstPaint = () => new Promise((resolve) => {
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

/** A classic script (Leaflet sets the global the modules read). */
const classicScript = (src) => new Promise((resolve, reject) => {
  const script = Object.assign(document.createElement('script'), { src, async: false });
  script.addEventListener('load', resolve);
  script.addEventListener('error', () => reject(new Error(`${src} did not load`)));
  document.head.append(script);
});

await afterFirstPaint();
try {
  // supercluster is not among them: the cluster index runs in a worker, which loads it (cluster-worker.js).
  await classicScript('/lib/leaflet/leaflet.js');
  await import('./main.js');
} catch (error) {
  // Without its scripts the explorer cannot say so itself: the map's status does, in the page's language.
  const { strings } = JSON.parse(document.getElementById('explorer-options').textContent);
  document.querySelector('[data-explorer]').dataset.mapState = 'error';
  document.getElementById('map-status-text').textContent = format(strings, 'map.scriptsFailed');
  throw error;
}
