// The map's cluster index away from the page (cluster-index.js says what it answers). Each message carries a
// request number, given back with its answer, or with `failed` when the index cannot run here (the page then runs
// it itself, cluster-source.js).

import { clusterIndexes } from './cluster-index.js';

// supercluster's build is a UMD script: imported for its side effect, it defines globalThis.Supercluster.
const answering = import('../lib/supercluster/supercluster.min.js').then(() => clusterIndexes(globalThis.Supercluster));

self.onmessage = async ({ data: { request, message } }) => {
  let answer;
  try {
    answer = (await answering)(message);
  } catch {
    self.postMessage({ request, failed: true });
    return;
  }
  self.postMessage({ request, answer });
};
