// The country outlines as a Leaflet tile layer of SVG tiles whose path data, clipped to each tile, a worker works
// out (outline-worker.js). Tiles rather than one drawing: Leaflet redraws a vector layer whole on every move, and on a
// phone that was the map page's longest task; a tile is made once per zoom and kept while it is near the view.
// Where the worker cannot start, the page works the tiles out itself, one per task.
//
// SVG rather than canvas: a canvas's pixels are copied to the compositor with every frame that changes it, and
// under Lighthouse's phone profile (software compositing) those copies were the longest task left on the map's
// start (docs/quality.md). SVG is rastered off the main thread and stays sharp on any screen; unlike an image
// tile it is never a "largest contentful paint". The tiles appear at once instead of fading in (a fade restyles
// and recomposites the layer on every frame for a fifth of a second after each tile).

import { shapesOf, tilePaths } from './outline-geometry.js';
import { fetchOutlines } from './api.js';

const L = globalThis.L;
const svgNS = 'http://www.w3.org/2000/svg';

/**
 * Tiles from the worker, or null where no module worker can be made. `paths(tile, size)` resolves with the tile's
 * path data, null when the outlines could not be read, undefined when the worker broke down (the layer then asks
 * the page instead).
 */
function workerSource(url, margin, onLoad, onBroken) {
  let worker;
  try {
    worker = new Worker(new URL('./outline-worker.js', import.meta.url), { type: 'module' });
  } catch {
    return null; // older browsers throw here rather than report an error event
  }
  const pending = new Map(); // id → resolve
  let batch = [];
  let nextId = 0;
  worker.onmessage = ({ data }) => {
    if (data.type === 'ready') onLoad(true);
    else if (data.type === 'failed') onLoad(false);
    else if (data.type === 'tiles') {
      // One tile per task: a screenful handed over at once was one long task.
      for (const tile of data.tiles) setTimeout(() => place(tile), 0);
    }
  };
  const place = ({ id, paths }) => {
    const resolve = pending.get(id);
    pending.delete(id);
    resolve?.(paths);
  };
  // A worker whose script cannot be loaded or run reports it here; the page then works the tiles out itself.
  worker.onerror = (event) => {
    event.preventDefault();
    worker.terminate();
    for (const resolve of pending.values()) resolve(undefined);
    pending.clear();
    onBroken();
  };
  worker.postMessage({ type: 'load', url: new URL(url, location.href).href, margin });
  const send = () => {
    worker.postMessage({ type: 'tiles', tiles: batch });
    batch = [];
  };
  return {
    paths: ({ x, y, z }, size) => new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      // Leaflet creates a view's tiles in one loop: they leave together once it is done.
      if (batch.length === 0) queueMicrotask(send);
      batch.push({ id, x, y, z, size });
    }),
    // Tiles still waiting for their paths are dropped with the layer.
    stop: () => {
      worker.terminate();
      pending.clear();
    },
  };
}

/** Tiles worked out on the page, each in a task of its own so that a screenful does not block a tap. */
function pageSource(url, margin, onLoad) {
  const shapes = fetchOutlines(url).then(
    (outlines) => { onLoad(true); return shapesOf(outlines.features); },
    () => { onLoad(false); return null; });
  return {
    paths: async (tile, size) => {
      const loaded = await shapes;
      await new Promise((resolve) => setTimeout(resolve, 0));
      return loaded ? tilePaths(loaded, tile, size, margin) : null;
    },
    stop: () => {},
  };
}

/** Fills a tile's SVG with its countries: one path each, styled once on their group. */
function drawPaths(svg, paths, style) {
  const group = document.createElementNS(svgNS, 'g');
  group.setAttribute('fill', style.fillColor);
  group.setAttribute('fill-rule', 'evenodd');
  group.setAttribute('stroke', style.color);
  group.setAttribute('stroke-width', style.weight);
  group.setAttribute('stroke-linejoin', 'round');
  for (const data of paths) {
    const path = document.createElementNS(svgNS, 'path');
    path.setAttribute('d', data);
    group.append(path);
  }
  svg.append(group);
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
    const margin = this.options.style.weight;
    const usePage = () => pageSource(this._url, margin, onLoad);
    this._source = (typeof Worker === 'function' && workerSource(this._url, margin, onLoad, () => { this._source = usePage(); }))
      || usePage();
    L.GridLayer.prototype.onAdd.call(this, map);
  },

  onRemove(map) {
    this._source?.stop();
    L.GridLayer.prototype.onRemove.call(this, map);
  },

  createTile(coords, done) {
    const size = this.getTileSize().x;
    const svg = document.createElementNS(svgNS, 'svg');
    svg.setAttribute('width', size);
    svg.setAttribute('height', size);
    svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
    svg.setAttribute('aria-hidden', 'true');
    const fill = () => this._source.paths(coords, size).then((paths) => {
      if (paths === undefined) return fill(); // the worker gave up: the page works this tile out
      if (!this._isCurrent(coords, svg)) return; // pruned while its paths were on their way
      if (paths) drawPaths(svg, paths, this.options.style);
      done(undefined, svg);
    });
    fill();
    return svg;
  },

  /**
   * Whether `tile` is still the layer's tile at `coords`. Leaflet marks whatever tile now holds the coordinates as
   * loaded, so a late answer for a pruned tile would mark its empty successor (and prune the tiles behind it).
   */
  _isCurrent(coords, tile) {
    return Boolean(this._map) && this._tiles[this._tileCoordsToKey(coords)]?.el === tile;
  },

  // Leaflet fades a tile in when the map fades; these tiles are shown as they come (see the top of this file).
  // Leaflet 1.9 (package.json pins it) reads the map's _fadeAnimated here and nowhere else for tiles.
  _tileReady(coords, error, tile) {
    if (!this._map) return; // the layer was removed while the tile was on its way
    const fade = this._map._fadeAnimated;
    this._map._fadeAnimated = false;
    try {
      L.GridLayer.prototype._tileReady.call(this, coords, error, tile);
    } finally {
      this._map._fadeAnimated = fade;
    }
  },
});
