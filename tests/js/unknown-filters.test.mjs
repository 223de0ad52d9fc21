import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closest, distance, sortOutUnknown } from '../../wwwroot/js/unknown-filters.js';

const types = [
  { value: 'sea-rescue-support', labels: ['Unterstützung der Seenotrettung', 'Sea rescue support'] },
  { value: 'safe-harbour-declaration', labels: ['Erklärung zum Sicheren Hafen', 'Safe harbour declaration'] },
  { value: 'city-id', labels: ['Stadtausweis', 'City ID'] },
];

test('edit distance counts insertions, deletions and changes', () => {
  assert.equal(distance('hafen', 'hafen'), 0);
  assert.equal(distance('hafen', 'haven'), 1);
  assert.equal(distance('', 'abc'), 3);
});

test('a shortened or mistyped key finds the type it meant, by key or by title in either language', () => {
  assert.equal(closest('sea-rescue', types)?.value, 'sea-rescue-support');
  assert.equal(closest('safe-harbor-declaration', types)?.value, 'safe-harbour-declaration');
  assert.equal(closest('Seenotrettung', types), null); // a word inside a title is no prefix: no guess
  assert.equal(closest('stadtausweis', types)?.value, 'city-id');
});

test('nothing close, no suggestion', () => {
  assert.equal(closest('zzzzzzzz', types), null);
  assert.equal(closest('', types), null);
});

test('unknown values are left out of the state and named, known ones kept', () => {
  const known = { commitments: types, statuses: [{ value: 'decided', labels: ['decided'] }], countries: [{ value: 'DE', labels: ['Germany'] }] };
  const { state, unknown } = sortOutUnknown({ commitments: ['city-id', 'sea-rescue'], statuses: ['decided'], countries: ['XX'], regions: [], city: 'bern' }, known);
  assert.deepEqual(state.commitments, ['city-id']);
  assert.deepEqual(state.countries, []);
  assert.equal(state.city, 'bern');
  assert.deepEqual(unknown.map((u) => [u.filter, u.value, u.suggestion?.value ?? null]), [['commitments', 'sea-rescue', 'sea-rescue-support'], ['countries', 'XX', null]]);
});
