// The outline tiles worked out away from the page: this worker downloads and reads the outlines once, then answers
// each tile request with the tile's SVG path data: the shapes are projected once, and each tile's rings scaled and
// clipped to it. On a phone's main thread that work delayed taps and markers (docs/quality.md); here it does not.
//
// Messages in:  { type: 'load', url, margin }                     once, first (margin: the border's width)
//               { type: 'tiles', tiles: [{ id, x, y, z, size }] }  any number
// Messages out: { type: 'ready' } or { type: 'failed' }             after the load
//               { type: 'tiles', tiles: [{ id, paths }] }          one answer per request: paths is a list of SVG
//                                                                   path data, null when the outlines could not be read

import { shapesOf, tilePaths } from './outline-geometry.js';

let loaded; // a promise of { shapes, margin }, or of null when the outlines could not be read

self.onmessage = async ({ data }) => {
  if (data.type === 'load') {
    loaded = load(data.url).then(
      (shapes) => { self.postMessage({ type: 'ready' }); return { shapes, margin: data.margin }; },
      () => { self.postMessage({ type: 'failed' }); return null; });
    return;
  }
  if (data.type === 'tiles') {
    const outlines = await loaded;
    const tiles = data.tiles.map(({ id, x, y, z, size }) => ({
      id, paths: outlines ? tilePaths(outlines.shapes, { x, y, z }, size, outlines.margin) : null,
    }));
    self.postMessage({ type: 'tiles', tiles });
  }
};

async function load(url) {
  const response = await fetch(url, { headers: { Accept: 'application/geo+json, application/json' } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const outlines = await response.json();
  return shapesOf(outlines.features);
}
