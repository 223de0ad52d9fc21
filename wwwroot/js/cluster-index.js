// The map's clusters as answers to messages: a supercluster index per set of shown cities, asked what to draw for
// a view and what a cluster holds. Run by cluster-worker.js off the page's main thread (building an index and the
// first questions to it, before the code is warm, were two of the longest tasks of a phone's start), and by the
// page itself where a worker cannot run (cluster-source.js). Pure: Supercluster is given, so Node tests it as is.
//
// Messages in and their answers:
//   { type: 'load', index, options, points: [[slug, name, lon, lat], …] }  → { index }
//   { type: 'clusters', index, bbox, zoom }  → { items } as supercluster's getClusters; a cluster's properties carry
//                                              `first`, the slug of its first city; items is null for an index
//                                              dropped meanwhile
//   { type: 'open', index, clusters: [id, …] }  → { zoom, leaves: [{ id, coordinates }] }: where the first cluster
//                                              splits, and every city of the clusters

/** How many indexes are kept: the one the map shows and the newer ones being made while it does. */
const kept = 4;

/** @param {typeof import('supercluster').default} Supercluster */
export function clusterIndexes(Supercluster) {
  const indexes = new Map(); // number → Supercluster, oldest first

  const handlers = {
    load({ index, options, points }) {
      const features = points.map(([id, name, lon, lat]) => ({
        type: 'Feature', id, properties: { name }, geometry: { type: 'Point', coordinates: [lon, lat] },
      }));
      indexes.set(index, new Supercluster(options).load(features));
      for (const old of indexes.keys()) if (indexes.size > kept) indexes.delete(old);
      return { index };
    },

    clusters({ index, bbox, zoom }) {
      const clusters = indexes.get(index);
      if (!clusters) return { items: null };
      const items = clusters.getClusters(bbox, zoom);
      for (const item of items) {
        if (item.properties.cluster) item.properties.first = clusters.getLeaves(item.properties.cluster_id, 1)[0]?.id;
      }
      return { items };
    },

    open({ index, clusters: ids }) {
      const clusters = indexes.get(index);
      if (!clusters || ids.length === 0) return { zoom: null, leaves: [] };
      const leaves = ids.flatMap((id) => clusters.getLeaves(id, Infinity))
        .map((leaf) => ({ id: leaf.id, coordinates: leaf.geometry.coordinates }));
      return { zoom: clusters.getClusterExpansionZoom(ids[0]), leaves };
    },
  };

  /** The answer to one message. */
  return (message) => handlers[message.type](message);
}
