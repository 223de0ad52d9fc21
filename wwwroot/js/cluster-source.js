// Where the map's cluster index runs: in a worker (cluster-worker.js), so building it for 800 or 100,000 cities
// never holds the page's main thread, or on the page when the browser cannot run the worker. Every answer comes
// as a promise either way (cluster-index.js says what the questions are).

import { clusterIndexes } from './cluster-index.js';

const superclusterScript = new URL('../lib/supercluster/supercluster.min.js', import.meta.url).href;

/** How many loads are kept for replaying on the page: as many as the index keeps (cluster-index.js). */
const replayed = 4;

export function clusterSource() {
  const pending = new Map(); // request number → { message, resolve }
  const loads = new Map(); // index → its load message, for the page should the worker break down
  let requests = 0;
  let indexes = 0;
  let onPage = null; // a promise of the page's own answer function, made once needed

  const pageAnswers = () => (onPage ??= import(superclusterScript).then(() => {
    const answer = clusterIndexes(globalThis.Supercluster);
    for (const load of loads.values()) answer(load);
    return answer;
  }));

  let worker = null;
  const breakDown = () => {
    worker?.terminate();
    worker = null;
    for (const { message, resolve } of pending.values()) resolve(pageAnswers().then((answer) => answer(message)));
    pending.clear();
  };
  try {
    worker = new Worker(new URL('./cluster-worker.js', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }) => {
      if (data.failed) return breakDown();
      const request = pending.get(data.request);
      pending.delete(data.request);
      request?.resolve(data.answer);
    };
    // A browser that cannot run module workers reports it here.
    worker.onerror = (event) => {
      event.preventDefault();
      breakDown();
    };
  } catch {
    worker = null;
  }

  const ask = (message) => {
    if (!worker) return pageAnswers().then((answer) => answer(message));
    return new Promise((resolve) => {
      const request = requests++;
      pending.set(request, { message, resolve });
      worker.postMessage({ request, message });
    });
  };

  return {
    /**
     * Indexes the cities (GeoJSON points whose id is the slug); resolves to the index's number.
     * @param {object} options  supercluster's (radius, minZoom, maxZoom)
     */
    load(features, options) {
      const index = indexes++;
      const message = {
        type: 'load', index, options,
        points: features.map((feature) => [feature.id, feature.properties.name, ...feature.geometry.coordinates]),
      };
      loads.set(index, message);
      for (const old of loads.keys()) if (loads.size > replayed) loads.delete(old);
      return ask(message).then(() => index);
    },

    /** What to draw of the index for a view: supercluster's items, or null when the index was dropped. */
    clusters: (index, bbox, zoom) => ask({ type: 'clusters', index, bbox, zoom }).then(({ items }) => items),

    /** Where the first of these clusters splits, and all their cities ({ id, coordinates }). */
    open: (index, clusters) => ask({ type: 'open', index, clusters }),
  };
}
