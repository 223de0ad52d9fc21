// The small maps of the city and news pages start after the page's first paint, as the map page does
// (after-paint.js says why): on a phone the page's text came up to a second later while Leaflet loaded and ran
// beside it (docs/quality.md). The pages read completely without their map, so a Leaflet that does not arrive
// leaves the map's box empty and nothing else.

import { afterFirstPaint, classicScript, leafletScript } from './after-paint.js';

if (document.querySelector('[data-mini-map]')) {
  await afterFirstPaint();
  await classicScript(leafletScript);
  await import('./mini-map.js');
}
