// The country outlines as a Leaflet tile layer whose tiles are drawn by a worker (outline-worker.js) and only
// copied onto the page. Tiles rather than one canvas: Leaflet redraws a vector canvas whole on every move, and on
// a phone that was the map page's longest task; a tile is drawn once per zoom and kept while it is near the view.
// Browsers without worker canvases (OffscreenCanvas) draw the same tiles on the page, one per task.

import { drawTile, shapesOf } from './outline-geometry.js';
import { fetchOutlines } from './api.js';

const L = globalThis.L;

/** Tiles from the worker: a request per tile, answered with a bitmap; null if the outlines could not be read. */
function workerSource(url, style, onLoad, onBroken) {
  const worker = new Worker(new URL('./outline-worker.js', import.meta.url), { type: 'module' });
  const pending = new Map();
  let nextId = 0;
  worker.onmessage = ({ data }) => {
    if (data.type === 'ready') onLoad(true);
    else if (data.type === 'failed') onLoad(false);
    else if (data.type === 'tile') {
      pending.get(data.id)?.(data.bitmap);
      pending.delete(data.id);
    }
  };
  // A browser that cannot run module workers reports it here; the page then draws the tiles itself.
  worker.onerror = (event) => {
    event.preventDefault();
    worker.terminate();
    onBroken([...pending.values()]);
    pending.clear();
  };
  worker.postMessage({ type: 'load', url: new URL(url, location.href).href, style });
  return {
    tile: ({ x, y, z }, size) => new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      worker.postMessage({ type: 'tile', id, x, y, z, size });
    }),
    stop: () => worker.terminate(),
  };
}

/** Tiles drawn on the page, each in a task of its own so that a screenful does not block a tap. */
function pageSource(url, style, onLoad) {
  const shapes = fetchOutlines(url).then(
    (outlines) => { onLoad(true); return shapesOf(outlines.features); },
    () => { onLoad(false); return null; });
  return {
    tile: async (tile, size) => {
      const loaded = await shapes;
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (!loaded) return null;
      const canvas = blankCanvas(size);
      drawTile(canvas.getContext('2d'), loaded, tile, size, style);
      return canvas;
    },
    stop: () => {},
  };
}

function blankCanvas(size) {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  return canvas;
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
      ? workerSource(this._url, this.options.style, onLoad, (waiting) => {
        // Tiles already asked for are answered from the page instead.
        this._source = usePage();
        for (const answer of waiting) answer(undefined);
      })
      : usePage();
    L.GridLayer.prototype.onAdd.call(this, map);
  },

  onRemove(map) {
    this._source?.stop();
    L.GridLayer.prototype.onRemove.call(this, map);
  },

  createTile(coords, done) {
    const size = this.getTileSize().x;
    const canvas = blankCanvas(size);
    const draw = (image) => {
      if (image === undefined) return this._source.tile(coords, size).then(draw); // the worker gave up: ask again
      if (image) {
        canvas.getContext('2d').drawImage(image, 0, 0);
        image.close?.();
      }
      done(undefined, canvas);
      return undefined;
    };
    this._source.tile(coords, size).then(draw);
    return canvas;
  },
});
