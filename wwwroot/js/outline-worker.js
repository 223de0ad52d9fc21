// The outline tiles drawn away from the page: this worker downloads and reads the outlines once, then answers each
// tile request with a finished bitmap. Filling the land was the costliest work on a phone's main thread
// (docs/quality.md); here it no longer delays a tap or a marker.
//
// Messages in:  { type: 'load', url, style }          once, first
//               { type: 'tile', id, x, y, z, size }   any number
// Messages out: { type: 'ready' } or { type: 'failed' } after the load
//               { type: 'tile', id, bitmap }          bitmap is null when the outlines could not be loaded

import { drawTile, shapesOf } from './outline-geometry.js';

let loaded; // a promise of { shapes, style }, or of null when the outlines could not be read

self.onmessage = async ({ data }) => {
  if (data.type === 'load') {
    loaded = load(data.url).then(
      (shapes) => { self.postMessage({ type: 'ready' }); return { shapes, style: data.style }; },
      () => { self.postMessage({ type: 'failed' }); return null; });
    return;
  }
  if (data.type === 'tile') {
    const outlines = await loaded;
    if (!outlines) {
      self.postMessage({ type: 'tile', id: data.id, bitmap: null });
      return;
    }
    const canvas = new OffscreenCanvas(data.size, data.size);
    drawTile(canvas.getContext('2d'), outlines.shapes, data, data.size, outlines.style);
    const bitmap = canvas.transferToImageBitmap();
    self.postMessage({ type: 'tile', id: data.id, bitmap }, [bitmap]);
  }
};

async function load(url) {
  const response = await fetch(url, { headers: { Accept: 'application/geo+json, application/json' } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const outlines = await response.json();
  return shapesOf(outlines.features);
}
