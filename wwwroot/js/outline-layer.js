// The country outlines as a Leaflet tile layer whose tiles are drawn by a worker (outline-worker.js) and handed to
// the page as bitmaps. Tiles rather than one canvas: Leaflet redraws a vector canvas whole on every move, and on
// a phone that was the map page's longest task; a tile is drawn once per zoom and kept while it is near the view.
// Browsers without worker canvases (OffscreenCanvas) draw the same tiles on the page, one per task.
//
// What the page still does is kept small, because under a phone's CPU every frame counts (docs/quality.md): the
// tiles Leaflet asks for in one go travel as one message and come back as one, each bitmap is handed to its
// canvas without a copy, and the tiles appear at once instead of fading in (a fade restyles and recomposites the
// layer on every frame for a fifth of a second after each tile).

import { drawTile, shapesOf } from './outline-geometry.js';
import { fetchOutlines } from './api.js';

const L = globalThis.L;

/**
 * Tiles from the worker. `paint(tile, canvas)` resolves true when the canvas shows the tile, false when the
 * outlines could not be read, undefined when the worker broke down (the layer then asks the page instead).
 */
function workerSource(url, style, onLoad, onBroken) {
  const worker = new Worker(new URL('./outline-worker.js', import.meta.url), { type: 'module' });
  const pending = new Map(); // id → { canvas, resolve }
  let batch = [];
  let nextId = 0;
  worker.onmessage = ({ data }) => {
    if (data.type === 'ready') onLoad(true);
    else if (data.type === 'failed') onLoad(false);
    else if (data.type === 'tiles') {
      // One tile per task: a screenful handed over at once, with its canvases' commit, was one long task.
      for (const tile of data.tiles) setTimeout(() => place(tile), 0);
    }
  };
  const place = ({ id, bitmap }) => {
    const request = pending.get(id);
    pending.delete(id);
    if (!request) return;
    if (bitmap) request.canvas.getContext('bitmaprenderer').transferFromImageBitmap(bitmap);
    request.resolve(Boolean(bitmap));
  };
  // A browser that cannot run module workers reports it here; the page then draws the tiles itself.
  worker.onerror = (event) => {
    event.preventDefault();
    worker.terminate();
    for (const request of pending.values()) request.resolve(undefined);
    pending.clear();
    onBroken();
  };
  worker.postMessage({ type: 'load', url: new URL(url, location.href).href, style });
  const send = () => {
    worker.postMessage({ type: 'tiles', tiles: batch });
    batch = [];
  };
  return {
    paint: ({ x, y, z }, canvas) => new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, { canvas, resolve });
      // Leaflet creates a view's tiles in one loop: they leave together once it is done.
      if (batch.length === 0) queueMicrotask(send);
      batch.push({ id, x, y, z, size: canvas.width });
    }),
    // Tiles still queued for their canvas are dropped with the layer.
    stop: () => {
      worker.terminate();
      pending.clear();
    },
  };
}

/** Tiles drawn on the page, each in a task of its own so that a screenful does not block a tap. */
function pageSource(url, style, onLoad) {
  const shapes = fetchOutlines(url).then(
    (outlines) => { onLoad(true); return shapesOf(outlines.features); },
    () => { onLoad(false); return null; });
  return {
    paint: async (tile, canvas) => {
      const loaded = await shapes;
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (!loaded) return false;
      drawTile(canvas.getContext('2d'), loaded, tile, canvas.width, style);
      return true;
    },
    stop: () => {},
  };
}

/**
 * `new OutlineLayer(url, { style, pane })`: `style` is { color, weight, fillColor } as in Leaflet's path options.
 * Fires `outlinesload` with { loaded: true | false } once the outlines have been read, or could not be.
 */
export const OutlineLayer = L.GridLayer.extend({
  initialize(url, options) {
    L.GridLayer.prototype.initialize.call(this, options);
    this._url = url;
  },

  onAdd(map) {
    const onLoad = (loaded) => this.fire('outlinesload', { loaded });
    const usePage = () => pageSource(this._url, this.options.style, onLoad);
    this._source = typeof Worker === 'function' && typeof OffscreenCanvas === 'function'
      ? workerSource(this._url, this.options.style, onLoad, () => { this._source = usePage(); })
      : usePage();
    L.GridLayer.prototype.onAdd.call(this, map);
  },

  onRemove(map) {
    this._source?.stop();
    L.GridLayer.prototype.onRemove.call(this, map);
  },

  createTile(coords, done) {
    const size = this.getTileSize().x;
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const paint = () => this._source.paint(coords, canvas).then((painted) => {
      if (painted === undefined) paint(); // the worker gave up: the page draws this tile
      else done(undefined, canvas);
    });
    paint();
    return canvas;
  },

  // Leaflet fades a tile in when the map fades; these tiles are shown as they come (see the top of this file).
  // Leaflet 1.9 (package.json pins it) reads the map's _fadeAnimated here and nowhere else for tiles.
  _tileReady(coords, error, tile) {
    const fade = this._map._fadeAnimated;
    this._map._fadeAnimated = false;
    try {
      L.GridLayer.prototype._tileReady.call(this, coords, error, tile);
    } finally {
      this._map._fadeAnimated = fade;
    }
  },
});
