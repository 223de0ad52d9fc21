// The map page's scripts start after its first paint (after-paint.js says why). The page is laid out by CSS alone
// (the phone views included), so nothing moves when they arrive.

import { afterFirstPaint, classicScript, leafletScript } from './after-paint.js';
import { format } from './strings.js';

await afterFirstPaint();
try {
  // supercluster is not among them: the cluster index runs in a worker, which loads it (cluster-worker.js).
  await classicScript(leafletScript);
  await import('./main.js');
} catch (error) {
  // Without its scripts the explorer cannot say so itself: the map's status does, in the page's language.
  const { strings } = JSON.parse(document.getElementById('explorer-options').textContent);
  document.querySelector('[data-explorer]').dataset.mapState = 'error';
  document.getElementById('map-status-text').textContent = format(strings, 'map.scriptsFailed');
  throw error;
}
