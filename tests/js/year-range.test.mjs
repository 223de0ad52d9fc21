// The year range's two handles (wwwroot/js/year-range.js).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chosenYears, handlesFor, pushApart } from '../../wwwroot/js/year-range.js';

const bounds = { min: 2018, max: 2026 };

test('handles at the ends choose nothing, so the full range is no filter', () => {
  assert.deepEqual(chosenYears('2018', '2026', bounds), { from: null, to: null });
  assert.deepEqual(chosenYears('2020', '2026', bounds), { from: 2020, to: null });
  assert.deepEqual(chosenYears('2018', '2021', bounds), { from: null, to: 2021 });
  assert.deepEqual(chosenYears('2021', '2021', bounds), { from: 2021, to: 2021 });
});

test('a handle pushed past the other takes it along', () => {
  assert.deepEqual(pushApart('from', 2024, 2022, bounds), { from: 2024, to: 2024 });
  assert.deepEqual(pushApart('to', 2024, 2022, bounds), { from: 2022, to: 2022 });
  assert.deepEqual(pushApart('to', 2019, 2022, bounds), { from: 2019, to: 2022 });
});

test('values outside the bounds come back inside', () => {
  assert.deepEqual(pushApart('from', 1990, 2100, bounds), { from: 2018, to: 2026 });
});

test('a selection from the URL puts the handles at its years, or at the ends', () => {
  assert.deepEqual(handlesFor({ from: null, to: null }, bounds), { from: 2018, to: 2026 });
  assert.deepEqual(handlesFor({ from: 2020, to: 2019 }, bounds), { from: 2019, to: 2019 });
  assert.deepEqual(handlesFor({ from: 1800, to: null }, bounds), { from: 2018, to: 2026 });
});
