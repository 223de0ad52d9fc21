// The chart's numbers and the play control's steps (wwwroot/js/timeline.js), over the shared case table's cities.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { commitmentsPerYear, nextYear, previousYear } from '../../wwwroot/js/timeline.js';

const table = JSON.parse(readFileSync(new URL('../selection-cases.json', import.meta.url), 'utf8'));
const features = table.cities.map((city) => ({ type: 'Feature', id: city.id, properties: city }));
const bounds = { min: 2019, max: 2022 };
const perYear = (selection) => {
  const { counts } = commitmentsPerYear(features, selection, bounds);
  return Object.fromEntries([...counts].map(([year, types]) => [year, Object.fromEntries(types)]));
};

test('live dated commitments count in their year, by type; revoked, rejected and undated ones do not', () => {
  assert.deepEqual(perYear({}), {
    2019: { 'safe-harbour-declaration': 1, 'alliance-membership': 1 },
    2020: { 'sea-rescue-support': 1, 'additional-admission': 1 },
    2021: { 'sea-rescue-support': 1 },
    2022: {},
  });
});

test('a type filter counts only commitments of that type, and the year range does not narrow the chart', () => {
  assert.deepEqual(perYear({ commitments: ['sea-rescue-support'], from: 2021, to: 2021 }), {
    2019: {}, 2020: { 'sea-rescue-support': 1 }, 2021: { 'sea-rescue-support': 1 }, 2022: {},
  });
});

test('asking for revoked and rejected shows them in their year', () => {
  assert.deepEqual(perYear({ statuses: ['revoked', 'rejected'] }), {
    2019: { 'safe-harbour-declaration': 1 }, 2020: {}, 2021: {}, 2022: { 'safe-harbour-declaration': 1 },
  });
});

test('the tallest year sets the scale', () => {
  assert.equal(commitmentsPerYear(features, {}, bounds).max, 2);
});

test('playing steps from the first year to the last and stops; stepping back stops at the first', () => {
  assert.equal(nextYear(null, bounds), 2019);
  assert.equal(nextYear(2021, bounds), 2022);
  assert.equal(nextYear(2022, bounds), null);
  assert.equal(previousYear(2019, bounds), 2019);
  assert.equal(previousYear(null, bounds), 2022);
});
