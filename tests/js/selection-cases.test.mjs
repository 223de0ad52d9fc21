// The map's rule (wwwroot/js/selection.js) against the table of cases the server's rule (Cities/CitySelection.cs)
// is tested with too (tests/MovingCities.Tests/Api/SelectionCasesTests.cs): one table, so the two cannot drift.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { facetCounts, matches, yearBounds, regionsOf } from '../../wwwroot/js/selection.js';

const table = JSON.parse(readFileSync(new URL('../selection-cases.json', import.meta.url), 'utf8'));
const features = table.cities.map((city) => ({ type: 'Feature', id: city.id, properties: city }));

for (const { name, selection, expect } of table.cases) {
  test(`case table: ${name}`, () => {
    const kept = features.filter((f) => matches(f.properties, selection)).map((f) => f.id).sort();
    assert.deepEqual(kept, expect);
  });
}

test('status counts show revoked and rejected items, type counts only live ones', () => {
  const { typeCounts, statusCounts } = facetCounts(features, {});
  assert.equal(typeCounts.get('safe-harbour-declaration'), 1); // München; Dresden's is revoked, Bielefeld's rejected
  assert.equal(statusCounts.get('revoked'), 1);
  assert.equal(statusCounts.get('rejected'), 1);
  assert.equal(statusCounts.get('decided'), 4);
});

test('with revoked asked for, the types count the revoked commitments', () => {
  const { typeCounts } = facetCounts(features, { statuses: ['revoked'] });
  assert.deepEqual(Object.fromEntries(typeCounts), { 'safe-harbour-declaration': 1 });
});

test('each facet is counted without its own filter and with the others', () => {
  const { countryCounts, regionCounts, typeCounts } = facetCounts(features, { commitments: ['sea-rescue-support'], regions: ['Bayern'] });
  assert.deepEqual(Object.fromEntries(countryCounts), { DE: 3 }); // München, Nürnberg, the undated one in Hessen
  assert.deepEqual(Object.fromEntries(regionCounts), { Bayern: 2, Hessen: 1 });
  assert.equal(typeCounts.get('additional-admission'), 1); // Nürnberg, in Bayern
});

test('a year range spans the first dated commitment to this year', () => {
  assert.deepEqual(yearBounds(features, 2026), { min: 2019, max: 2026 });
  assert.deepEqual(yearBounds([], 2026), { min: 2026, max: 2026 });
});

test('regions come from the chosen countries', () => {
  assert.deepEqual(regionsOf(features, ['CH']), ['Bern']);
  assert.deepEqual(regionsOf(features, []).sort(), ['Bayern', 'Bern', 'Hessen', 'Nordrhein-Westfalen', 'Sachsen']);
});
