// The explorer's options (wwwroot/js/options.js) and its fixed filter, which an embedded map uses to show only
// some cities: always applied, never reset.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedSelection, linkTo, readOptions } from '../../wwwroot/js/options.js';
import { facetCounts, matches, noSelection, within } from '../../wwwroot/js/selection.js';

const city = (id, country, ...commitments) => ({ type: 'Feature', id, properties: { name: id, country, commitments } });
const cities = [
  city('konstanz', 'DE', 'safe-harbour', 'sea-rescue-support'),
  city('bochum', 'DE', 'safe-harbour'),
  city('bern', 'CH', 'sea-rescue-support'),
  city('zuerich', 'CH', 'safe-harbour', 'additional-admission'),
  city('wien', 'AT'),
];
const ids = (features) => features.map((f) => f.id);

test('options get their defaults: English, the address bar, the site\'s own links, no fixed filter', () => {
  const options = readOptions({ strings: {} });
  assert.equal(options.lang, 'en');
  assert.equal(options.writesHistory, true);
  assert.equal(options.fixedFilter, null);
  assert.deepEqual(options.links, { city: '/cities/{slug}', cityNews: '/news?city={slug}', news: null });
  assert.deepEqual(options.countries, {});
});

test('options as the server writes them are taken as given', () => {
  const options = readOptions({
    lang: 'de', strings: { 'panel.source': 'Quelle' }, writesHistory: false,
    links: { city: '/de/cities/{slug}', cityNews: '/de/news?city={slug}' },
    fixedFilter: { countries: ['de'] }, countries: { DE: 'Deutschland' },
  });
  assert.equal(options.lang, 'de');
  assert.deepEqual(options.countries, { DE: 'Deutschland' });
  assert.equal(options.writesHistory, false);
  assert.equal(options.links.city, '/de/cities/{slug}');
  assert.equal(options.links.news, null);
  assert.deepEqual(options.fixedFilter, { commitments: [], countries: ['DE'] });
});

test('options without strings are refused at once', () => {
  assert.throws(() => readOptions({ lang: 'de' }), /strings/);
});

test('a fixed filter that filters nothing is none', () => {
  assert.equal(fixedSelection(null), null);
  assert.equal(fixedSelection({}), null);
  assert.equal(fixedSelection({ commitments: [], countries: [''] }), null);
});

test('links fill in the slug, encoded', () => {
  assert.equal(linkTo('/de/cities/{slug}', { slug: 'konstanz' }), '/de/cities/konstanz');
  assert.equal(linkTo('/en/news?city={slug}', { slug: 'a&b c' }), '/en/news?city=a%26b%20c');
});

test('a fixed filter keeps its cities whatever the visitor chooses, also after reset', () => {
  const fixed = fixedSelection({ countries: ['CH'] });
  const universe = within(cities, fixed);
  assert.deepEqual(ids(universe), ['bern', 'zuerich']);
  const shown = (selection) => ids(universe.filter((f) => matches(f.properties, selection)));
  assert.deepEqual(shown({ commitments: ['safe-harbour'], countries: [] }), ['zuerich']);
  assert.deepEqual(shown({ commitments: [], countries: ['DE'] }), [], 'a country outside the fixed filter adds nothing');
  assert.deepEqual(shown(noSelection), ['bern', 'zuerich']);
});

test('the legend counts only the fixed filter\'s cities', () => {
  const universe = within(cities, fixedSelection({ commitments: ['sea-rescue-support'] }));
  const { typeCounts, countryCounts } = facetCounts(universe, noSelection);
  assert.deepEqual(Object.fromEntries(countryCounts), { DE: 1, CH: 1 });
  assert.deepEqual(Object.fromEntries(typeCounts), { 'safe-harbour': 1, 'sea-rescue-support': 2 });
});

test('without a fixed filter every city is there', () => {
  assert.deepEqual(ids(within(cities, null)), ids(cities));
});

test('an embed reads its own address but writes no history; the map does both; a plain script neither', () => {
  const map = readOptions({ strings: {} });
  assert.equal(map.writesHistory, true);
  assert.equal(map.readsAddress, true);
  const embed = readOptions({ strings: {}, writesHistory: false, readsAddress: true });
  assert.equal(embed.writesHistory, false);
  assert.equal(embed.readsAddress, true);
  const elsewhere = readOptions({ strings: {}, writesHistory: false });
  assert.equal(elsewhere.readsAddress, false);
});
