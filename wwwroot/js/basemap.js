// What every map draws beneath its cities: the country outlines in their own pane below the tiles (so they
// show wherever tiles are off, blocked or offline) and the configured tile layer, with their attributions.

import { fetchBasemap, fetchOutlines } from './api.js';

const L = globalThis.L;

const basemapOptions = {
  outlinesZIndex: 150, // beneath the tile pane (200)
  outlineStyle: { color: '#8c8c80', weight: 1, fillColor: '#f3f0e8', fillOpacity: 1 },
  // How far beyond the view the outlines are drawn, as a share of its size: panning shows them at once nearby,
  // and every 0.1 more is a fifth more canvas to fill on each move.
  outlinesPadding: 0.2,
};

/**
 * A canvas drawn at one pixel per CSS pixel even on high-density screens. Filling the land is what the outlines
 * cost on a phone, and Leaflet's retina canvas has four times the pixels; a soft coastline beneath the markers is
 * worth that. Leaflet reads `Browser.retina` only while it sizes the canvas, so it is set aside for that moment.
 */
const StandardDensityCanvas = L.Canvas.extend({
  _update() {
    const retina = L.Browser.retina;
    L.Browser.retina = false;
    try {
      L.Canvas.prototype._update.call(this);
    } finally {
      L.Browser.retina = retina;
    }
  },
});

/**
 * Adds the countries a few at a time, one task each: turning 250 detailed outlines into Leaflet polygons at once
 * was a long task of its own on a phone.
 */
function addInSlices(layer, features, size = 10) {
  const slice = features.slice(0, size);
  if (slice.length === 0) return;
  layer.addData({ type: 'FeatureCollection', features: slice });
  setTimeout(() => addInSlices(layer, features.slice(size), size), 0);
}

/** Adds outlines and tiles to a map; failures leave the plain background, never break the map. */
export async function addBasemap(map) {
  const basemap = await fetchBasemap();
  map.createPane('outlines').style.zIndex = basemapOptions.outlinesZIndex;
  fetchOutlines(basemap.outlines.url)
    .then((outlines) => {
      // One canvas rather than an SVG path per country: on a phone the outlines are the costliest thing the map
      // page draws (Lighthouse: 210 ms of blocking time without them, 340–460 ms with them; docs/quality.md).
      const renderer = new StandardDensityCanvas({ pane: 'outlines', padding: basemapOptions.outlinesPadding });
      const layer = L.geoJSON(null, { pane: 'outlines', renderer, interactive: false, style: basemapOptions.outlineStyle }).addTo(map);
      map.attributionControl.addAttribution(basemap.outlines.attribution);
      addInSlices(layer, outlines.features ?? []);
    })
    .catch(() => { /* the tiles, or the plain background, still show where the cities are */ });
  if (basemap.tiles) {
    L.tileLayer(basemap.tiles.url, { attribution: basemap.tiles.attribution, maxZoom: Math.min(basemap.tiles.maxZoom, map.getMaxZoom()) }).addTo(map);
  }
}
