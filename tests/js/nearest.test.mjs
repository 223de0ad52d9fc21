// The near-me list's rule: distances like the server's (Cities/Distance.cs), the nearest n in order, and
// distances written the reader's way.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { distanceKm, formatKm, nearest } from '../../wwwroot/js/nearest.js';

const city = (id, lon, lat) => ({ id, geometry: { type: 'Point', coordinates: [lon, lat] } });
// The test fixture's cities (tests/MovingCities.Tests/TestData/geodata/cities.geojson).
const konstanz = [9.17582, 47.66033];
const cities = [
  city('bern', 7.44744, 46.94809), city('bochum', 7.21648, 51.48165), city('frankfurt-am-main', 8.68417, 50.11552),
  city('greifswald', 13.38786, 54.09311), city('hanau', 8.91418, 50.13423), city('hannover', 9.73322, 52.37052),
  city('konstanz', ...konstanz), city('offenbach-am-main', 8.76647, 50.10061), city('osnabrueck', 8.0498, 52.27264),
  city('regensburg', 12.10161, 49.01513), city('wiesbaden', 8.24932, 50.08258),
];

test('distances are great-circle kilometres, as the server computes them', () => {
  assert.equal(distanceKm(konstanz, konstanz), 0);
  assert.equal(Math.round(distanceKm(konstanz, [7.44744, 46.94809]) * 10) / 10, 152.5); // Bern, as /api/cities?near= says
  assert.equal(Math.round(distanceKm(konstanz, [8.0498, 52.27264]) * 10) / 10, 519.1); // Osnabrück, as nextSteps says
  assert.equal(Math.round(distanceKm([0, 0], [180, 0])), Math.round(Math.PI * 6371.0088)); // half way round
  assert.equal(distanceKm([179.9, 0], [-179.9, 0]) < 23, true); // across the antimeridian, not the long way
});

test('the nearest n come nearest first with their distances', () => {
  const found = nearest(cities, konstanz, 3);
  assert.deepEqual(found.map((n) => n.feature.id), ['konstanz', 'bern', 'regensburg']);
  assert.equal(found[0].km, 0);
  assert.ok(found[1].km < found[2].km);
  assert.deepEqual(nearest(cities, konstanz, 100).map((n) => n.feature.id),
    ['konstanz', 'bern', 'regensburg', 'offenbach-am-main', 'frankfurt-am-main', 'hanau', 'wiesbaden', 'bochum',
      'osnabrueck', 'hannover', 'greifswald']);
});

test('no cities, or a count of none, give an empty list; equal distances keep the given order', () => {
  assert.deepEqual(nearest([], konstanz, 5), []);
  assert.deepEqual(nearest(cities, konstanz, 0), []);
  const twins = [city('b', 1, 1), city('a', 1, 1), city('c', 2, 2)];
  assert.deepEqual(nearest(twins, [0, 0], 2).map((n) => n.feature.id), ['b', 'a']);
});

test('the result is the same as sorting everything, on many random cities', () => {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const many = Array.from({ length: 5000 }, (_, i) => city(`c${i}`, -10 + random() * 40, 36 + random() * 28));
  const here = [10, 50];
  const sorted = many.map((feature) => ({ feature, km: distanceKm(here, feature.geometry.coordinates) }))
    .sort((a, b) => a.km - b.km).slice(0, 25);
  assert.deepEqual(nearest(many, here, 25), sorted);
});

test('distances are written the reader\'s way: one decimal below 10 km, whole kilometres above', () => {
  assert.equal(formatKm(2.46, 'de'), '2,5');
  assert.equal(formatKm(2.46, 'en'), '2.5');
  assert.equal(formatKm(3.02, 'de'), '3');
  assert.equal(formatKm(0, 'en'), '0');
  assert.equal(formatKm(152.54, 'de'), '153');
  assert.equal(formatKm(1234.4, 'de'), '1.234');
  assert.equal(formatKm(1234.4, 'en'), '1,234');
});
