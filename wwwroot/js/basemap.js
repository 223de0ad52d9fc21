// What every map draws beneath its cities: the country outlines in their own pane below the tiles (so they
// show wherever tiles are off, blocked or offline) and the configured tile layer, with their attributions.

import { fetchBasemap } from './api.js';
import { OutlineLayer } from './outline-layer.js';

const L = globalThis.L;

const basemapOptions = {
  outlinesZIndex: 150, // beneath the tile pane (200)
  outlineStyle: { color: '#8c8c80', weight: 1, fillColor: '#f3f0e8' },
};

/** Adds outlines and tiles to a map; failures leave the plain background, never break the map. */
export async function addBasemap(map) {
  const basemap = await fetchBasemap();
  map.createPane('outlines').style.zIndex = basemapOptions.outlinesZIndex;
  new OutlineLayer(basemap.outlines.url, { pane: 'outlines', style: basemapOptions.outlineStyle })
    .on('outlinesload', ({ loaded }) => {
      if (loaded) map.attributionControl.addAttribution(basemap.outlines.attribution);
    })
    .addTo(map);
  if (basemap.tiles) {
    L.tileLayer(basemap.tiles.url, { attribution: basemap.tiles.attribution, maxZoom: Math.min(basemap.tiles.maxZoom, map.getMaxZoom()) }).addTo(map);
  }
}
