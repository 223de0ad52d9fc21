// The filter rule and the legend's numbers (wwwroot/js/selection.js), over a handful of made-up cities.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { facetCounts, isEmpty, matches, noSelection, sameSelection } from '../../wwwroot/js/selection.js';

const city = (id, country, ...commitments) => ({ type: 'Feature', id, properties: { name: id, country, commitments } });
const cities = [
  city('konstanz', 'DE', 'safe-harbour', 'sea-rescue-support'),
  city('bochum', 'DE', 'safe-harbour'),
  city('regensburg', 'DE', 'additional-admission'),
  city('bern', 'CH', 'sea-rescue-support'),
  city('zuerich', 'CH', 'safe-harbour', 'additional-admission'),
  city('wien', 'AT'),
];
const kept = (selection) => cities.filter((f) => matches(f.properties, selection)).map((f) => f.id);

test('no selection keeps every city, also those without any commitment', () => {
  assert.deepEqual(kept(noSelection), cities.map((f) => f.id));
  assert.ok(isEmpty(noSelection));
});

test('one commitment type keeps the cities having it', () => {
  assert.deepEqual(kept({ commitments: ['sea-rescue-support'], countries: [] }), ['konstanz', 'bern']);
});

test('several commitment types widen: a city needs any of them', () => {
  assert.deepEqual(kept({ commitments: ['sea-rescue-support', 'additional-admission'], countries: [] }),
    ['konstanz', 'regensburg', 'bern', 'zuerich']);
});

test('a country narrows the commitment types (AND)', () => {
  assert.deepEqual(kept({ commitments: ['sea-rescue-support', 'additional-admission'], countries: ['CH'] }), ['bern', 'zuerich']);
  assert.deepEqual(kept({ commitments: ['sea-rescue-support'], countries: ['DE'] }), ['konstanz']);
});

test('several countries widen among themselves', () => {
  assert.deepEqual(kept({ commitments: [], countries: ['DE', 'CH'] }), ['konstanz', 'bochum', 'regensburg', 'bern', 'zuerich']);
  assert.deepEqual(kept({ commitments: ['safe-harbour'], countries: ['CH', 'AT'] }), ['zuerich']);
});

test('an unknown type or country keeps nothing', () => {
  assert.deepEqual(kept({ commitments: ['no-such-type'], countries: [] }), []);
  assert.deepEqual(kept({ commitments: [], countries: ['FR'] }), []);
});

test('facet counts without a selection count every city per type and per country', () => {
  const { typeCounts, countryCounts } = facetCounts(cities, noSelection);
  assert.deepEqual(Object.fromEntries(typeCounts), { 'safe-harbour': 3, 'sea-rescue-support': 2, 'additional-admission': 2 });
  assert.deepEqual(Object.fromEntries(countryCounts), { DE: 3, CH: 2, AT: 1 });
});

test('type counts follow the countries, not the ticked types', () => {
  const { typeCounts } = facetCounts(cities, { commitments: ['sea-rescue-support'], countries: ['CH'] });
  assert.deepEqual(Object.fromEntries(typeCounts), { 'sea-rescue-support': 1, 'safe-harbour': 1, 'additional-admission': 1 });
});

test('country counts follow the ticked types, not the countries', () => {
  const { countryCounts } = facetCounts(cities, { commitments: ['sea-rescue-support', 'additional-admission'], countries: ['CH'] });
  assert.deepEqual(Object.fromEntries(countryCounts), { DE: 2, CH: 2 });
});

test('several countries add up in the type counts', () => {
  const { typeCounts } = facetCounts(cities, { commitments: [], countries: ['DE', 'CH'] });
  assert.deepEqual(Object.fromEntries(typeCounts), { 'safe-harbour': 3, 'sea-rescue-support': 2, 'additional-admission': 2 });
  const { typeCounts: austria } = facetCounts(cities, { commitments: [], countries: ['AT'] });
  assert.equal(austria.size, 0);
});

test('selections compare by their lists, in order', () => {
  assert.ok(sameSelection({ commitments: ['a', 'b'], countries: ['DE'] }, { commitments: ['a', 'b'], countries: ['DE'], city: 'x' }));
  assert.ok(!sameSelection({ commitments: ['a'], countries: ['DE'] }, { commitments: ['a'], countries: ['DE', 'CH'] }));
  assert.ok(!sameSelection({ commitments: ['a'], countries: [] }, noSelection));
  assert.ok(!isEmpty({ commitments: [], countries: ['DE'] }));
});
