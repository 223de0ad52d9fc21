// The outline tiles drawn away from the page: this worker downloads and reads the outlines once, then answers each
// tile request with a finished bitmap. Filling the land was the costliest work on a phone's main thread
// (docs/quality.md); here it no longer delays a tap or a marker.
//
// Messages in:  { type: 'load', url, style }                      once, first
//               { type: 'tiles', tiles: [{ id, x, y, z, size }] }  any number
// Messages out: { type: 'ready' } or { type: 'failed' }             after the load
//               { type: 'tiles', tiles: [{ id, bitmap }] }         one answer per request, bitmaps transferred;
//                                                                   bitmap is null when the outlines could not be read

import { drawTile, shapesOf } from './outline-geometry.js';

let loaded; // a promise of { shapes, style }, or of null when the outlines could not be read

self.onmessage = async ({ data }) => {
  if (data.type === 'load') {
    loaded = load(data.url).then(
      (shapes) => { self.postMessage({ type: 'ready' }); return { shapes, style: data.style }; },
      () => { self.postMessage({ type: 'failed' }); return null; });
    return;
  }
  if (data.type === 'tiles') {
    const outlines = await loaded;
    const tiles = data.tiles.map(({ id, x, y, z, size }) => {
      if (!outlines) return { id, bitmap: null };
      const canvas = new OffscreenCanvas(size, size);
      drawTile(canvas.getContext('2d'), outlines.shapes, { x, y, z }, size, outlines.style);
      return { id, bitmap: canvas.transferToImageBitmap() };
    });
    self.postMessage({ type: 'tiles', tiles }, tiles.map(({ bitmap }) => bitmap).filter(Boolean));
  }
};

async function load(url) {
  const response = await fetch(url, { headers: { Accept: 'application/geo+json, application/json' } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const outlines = await response.json();
  return shapesOf(outlines.features);
}
