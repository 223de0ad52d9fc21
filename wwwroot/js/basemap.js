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

/** How many points a slice of the outlines has at most: one slice is made, projected and drawn in one task. */
const pointsPerSlice = 2000;

function pointsOf(coordinates) {
  return typeof coordinates[0] === 'number' ? 1 : coordinates.reduce((sum, part) => sum + pointsOf(part), 0);
}

/** The countries in groups of about `pointsPerSlice` points, in the file's order. */
function slicesOf(features) {
  const slices = [];
  let slice = [];
  let points = 0;
  for (const feature of features) {
    const count = feature.geometry ? pointsOf(feature.geometry.coordinates) : 0;
    if (slice.length && points + count > pointsPerSlice) {
      slices.push(slice);
      slice = [];
      points = 0;
    }
    slice.push(feature);
    points += count;
  }
  if (slice.length) slices.push(slice);
  return slices;
}

/**
 * Adds the countries a slice at a time, one task each, and each slice on a canvas of its own: Leaflet redraws a
 * canvas whole, so on one shared canvas every slice redrew all the countries before it, and the last slice alone
 * was a long task on a phone (Lighthouse: up to 480 ms of a throttled main thread; docs/quality.md).
 */
function addInSlices(map, slices, options) {
  const [slice, ...rest] = slices;
  if (!slice) return;
  const renderer = new StandardDensityCanvas({ pane: 'outlines', padding: basemapOptions.outlinesPadding });
  L.geoJSON({ type: 'FeatureCollection', features: slice }, { ...options, renderer }).addTo(map);
  setTimeout(() => addInSlices(map, rest, options), 0);
}

/** Adds outlines and tiles to a map; failures leave the plain background, never break the map. */
export async function addBasemap(map) {
  const basemap = await fetchBasemap();
  map.createPane('outlines').style.zIndex = basemapOptions.outlinesZIndex;
  fetchOutlines(basemap.outlines.url)
    .then((outlines) => {
      // Canvases rather than an SVG path per country: on a phone the outlines are the costliest thing the map page
      // draws (docs/quality.md).
      map.attributionControl.addAttribution(basemap.outlines.attribution);
      addInSlices(map, slicesOf(outlines.features ?? []), { pane: 'outlines', interactive: false, style: basemapOptions.outlineStyle });
    })
    .catch(() => { /* the tiles, or the plain background, still show where the cities are */ });
  if (basemap.tiles) {
    L.tileLayer(basemap.tiles.url, { attribution: basemap.tiles.attribution, maxZoom: Math.min(basemap.tiles.maxZoom, map.getMaxZoom()) }).addTo(map);
  }
}
