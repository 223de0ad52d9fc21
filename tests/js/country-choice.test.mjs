// The country <select> and a list of countries (wwwroot/js/country-choice.js). The bug this pins: ?country=DE,CH
// showed "All countries", so reading the select back on the next filter click dropped both countries.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countriesOf, countryValue, extraCountryOption } from '../../wwwroot/js/country-choice.js';
import { parseState, toSearch } from '../../wwwroot/js/url-state.js';

const known = new Set(['AT', 'CH', 'DE']); // the countries with an option of their own

test('no country and one known country need no extra option', () => {
  assert.equal(extraCountryOption([], known), null);
  assert.equal(extraCountryOption(['DE'], known), null);
  assert.equal(countryValue([]), '');
  assert.equal(countryValue(['DE']), 'DE');
});

test('several countries get an option whose value is the list', () => {
  assert.deepEqual(extraCountryOption(['DE', 'CH'], known), { value: 'DE,CH', codes: ['DE', 'CH'] });
  assert.equal(countryValue(['DE', 'CH']), 'DE,CH');
});

test('one country without an option of its own gets one too, rather than showing all countries', () => {
  assert.deepEqual(extraCountryOption(['FR'], known), { value: 'FR', codes: ['FR'] });
});

test('the select value reads back as the same countries', () => {
  for (const countries of [[], ['DE'], ['DE', 'CH'], ['CH', 'DE', 'AT']]) {
    assert.deepEqual(countriesOf(countryValue(countries)), countries);
  }
  assert.deepEqual(countriesOf(''), []);
});

test('from ?country=DE,CH, ticking a commitment type keeps country=DE,CH in the URL', () => {
  const fromUrl = parseState('?country=DE,CH');
  const selectValue = extraCountryOption(fromUrl.countries, known)?.value ?? countryValue(fromUrl.countries);
  // What the filter reads when a checkbox changes: the ticked types and the select's value.
  const next = { ...fromUrl, commitments: ['sea-rescue-support'], countries: countriesOf(selectValue) };
  assert.equal(toSearch(next), '?commitment=sea-rescue-support&country=DE,CH');
});
