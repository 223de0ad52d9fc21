// The map's cluster index as the worker runs it (wwwroot/js/cluster-index.js), with the real supercluster.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Supercluster from 'supercluster';
import { clusterIndexes } from '../../wwwroot/js/cluster-index.js';

const options = { radius: 60, minZoom: 3, maxZoom: 8 };
// Konstanz and Kreuzlingen lie 3 km apart; Lisbon is far from both.
const points = [['konstanz', 'Konstanz', 9.175, 47.66], ['kreuzlingen', 'Kreuzlingen', 9.175, 47.645], ['lisboa', 'Lisboa', -9.14, 38.72]];
const europe = [-30, 30, 40, 72];
// supercluster gives a city's coordinates back through its own projection: equal to about a millimetre.
const near = (actual, expected) => assert.ok(actual.every((value, i) => Math.abs(value - expected[i]) < 1e-9), `${actual} ≠ ${expected}`);

test('a view\'s items: clusters say how many cities they hold and name their first, cities their slug and name', () => {
  const answer = clusterIndexes(Supercluster);
  assert.deepEqual(answer({ type: 'load', index: 7, options, points }), { index: 7 });
  const { items } = answer({ type: 'clusters', index: 7, bbox: europe, zoom: 4 });
  const cluster = items.find((item) => item.properties.cluster);
  assert.equal(cluster.properties.point_count, 2);
  assert.ok(['konstanz', 'kreuzlingen'].includes(cluster.properties.first));
  const lisboa = items.find((item) => !item.properties.cluster);
  assert.equal(lisboa.id, 'lisboa');
  assert.equal(lisboa.properties.name, 'Lisboa');
  near(lisboa.geometry.coordinates, [-9.14, 38.72]);
  // Past the last clustered zoom every city stands on its own.
  const close = answer({ type: 'clusters', index: 7, bbox: europe, zoom: 9 }).items;
  assert.deepEqual(close.map((item) => item.id).sort(), ['konstanz', 'kreuzlingen', 'lisboa']);
});

test('opening clusters gives the zoom where the first splits and every city they hold', () => {
  const answer = clusterIndexes(Supercluster);
  answer({ type: 'load', index: 0, options, points });
  const cluster = answer({ type: 'clusters', index: 0, bbox: europe, zoom: 4 }).items.find((item) => item.properties.cluster);
  const opened = answer({ type: 'open', index: 0, clusters: [cluster.properties.cluster_id] });
  assert.equal(opened.zoom, new Supercluster(options).load(points.map(([id, , lon, lat]) => ({ type: 'Feature', id, properties: {}, geometry: { type: 'Point', coordinates: [lon, lat] } })))
    .getClusterExpansionZoom(cluster.properties.cluster_id));
  assert.ok(opened.zoom > 4);
  assert.deepEqual(opened.leaves.map((leaf) => leaf.id).sort(), ['konstanz', 'kreuzlingen']);
  near(opened.leaves.find((leaf) => leaf.id === 'konstanz').coordinates, [9.175, 47.66]);
  assert.deepEqual(answer({ type: 'open', index: 0, clusters: [] }), { zoom: null, leaves: [] });
});

test('old indexes are dropped once four newer exist, and a question to one is answered with null', () => {
  const answer = clusterIndexes(Supercluster);
  for (let index = 0; index < 5; index++) answer({ type: 'load', index, options, points: points.slice(0, 1 + (index % 3)) });
  assert.equal(answer({ type: 'clusters', index: 0, bbox: europe, zoom: 4 }).items, null);
  // Index n holds the first 1 + n % 3 cities.
  assert.equal(answer({ type: 'clusters', index: 2, bbox: europe, zoom: 9 }).items.length, 3);
  assert.equal(answer({ type: 'clusters', index: 3, bbox: europe, zoom: 9 }).items.length, 1);
  assert.equal(answer({ type: 'clusters', index: 4, bbox: europe, zoom: 9 }).items.length, 2);
});
