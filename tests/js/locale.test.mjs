// The explorer's language (wwwroot/js/locale.js, languages.js): texts, plurals, numbers, country names, the order
// names sort in, and text that exists in one language only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLocale } from '../../wwwroot/js/locale.js';
import { pick } from '../../wwwroot/js/languages.js';
import { readFileSync } from 'node:fs';

const de = createLocale('de', {
  'summary.all.one': '{count} Ort',
  'summary.all.other': '{count} Orte',
  'summary.matching.one': '{shown} von {total} Ort',
  'summary.matching.other': '{shown} von {total} Orten',
});
const en = createLocale('en', {
  'summary.all.one': '{count} city',
  'summary.all.other': '{count} cities',
});

test('plurals follow the language, with numbers written its way', () => {
  assert.equal(de.plural('summary.all', 1), '1 Ort');
  assert.equal(de.plural('summary.all', 0), '0 Orte');
  assert.equal(de.plural('summary.all', 1234), '1.234 Orte');
  assert.equal(en.plural('summary.all', 1), '1 city');
  assert.equal(en.plural('summary.all', 1234), '1,234 cities');
  assert.equal(de.plural('summary.matching', 11, { shown: 3, total: 11 }), '3 von 11 Orten');
  assert.equal(de.plural('summary.matching', 1, { shown: 1, total: 1 }), '1 von 1 Ort');
});

test('a key the strings lack is visible, not English', () => {
  assert.equal(de.text('panel.source'), '⟦panel.source⟧');
  assert.equal(en.plural('list.news', 2), '⟦list.news.other⟧');
});

test('numbers', () => {
  assert.equal(de.number(5000), '5.000');
  assert.equal(en.number(5000), '5,000');
  assert.equal(de.number(2.5), '2,5');
});

test('whole numbers below 1,000 are written as Intl writes them, without asking it', () => {
  for (const n of [0, 1, 7, 42, 100, 999]) {
    assert.equal(de.number(n), new Intl.NumberFormat('de').format(n));
    assert.equal(en.number(n), new Intl.NumberFormat('en').format(n));
  }
  assert.equal(de.number(1000), '1.000');
  assert.equal(en.number(-5), new Intl.NumberFormat('en').format(-5));
});

test('country names the page hands over are used as given; other codes are asked of Intl', () => {
  const given = createLocale('de', {}, { DE: 'Deutschland', XK: 'Kosovo' });
  assert.equal(given.country('DE'), 'Deutschland');
  assert.equal(given.country('XK'), 'Kosovo');
  assert.equal(given.country('FR'), 'Frankreich');
  assert.equal(given.place({ region: 'Hessen', country: 'DE' }), 'Hessen, Deutschland');
});

test('country names in the reader\'s language, the code when there is none', () => {
  assert.equal(de.country('DE'), 'Deutschland');
  assert.equal(en.country('DE'), 'Germany');
  assert.equal(de.country('AT'), 'Österreich');
  assert.equal(de.country('CH'), 'Schweiz');
  assert.equal(en.country('not a code'), 'not a code');
});

test('German sorts Ö among the O\'s, not after Z', () => {
  const names = ['Polen', 'Österreich', 'Zypern', 'Niederlande', 'Ostfriesland', 'Belgien'];
  assert.deepEqual([...names].sort(de.compare), ['Belgien', 'Niederlande', 'Österreich', 'Ostfriesland', 'Polen', 'Zypern']);
  const countries = ['DE', 'AT', 'CH', 'NL', 'PL'].map(de.country).sort(de.compare);
  assert.deepEqual(countries, ['Deutschland', 'Niederlande', 'Österreich', 'Polen', 'Schweiz']);
  assert.deepEqual(['Zürich', 'Ärzte', 'Bern'].sort(de.compare), ['Ärzte', 'Bern', 'Zürich']);
});

test('every name the site has sorts as ICU\'s collator sorts it, in both languages', () => {
  const geodata = (file) => JSON.parse(readFileSync(new URL(`../../geodata/${file}`, import.meta.url), 'utf8'));
  const cities = geodata('cities.geojson').features.map((feature) => feature.properties);
  const codes = [...new Set(cities.map((city) => city.country))];
  for (const [locale, lang] of [[de, 'de'], [en, 'en']]) {
    const regions = new Intl.DisplayNames([lang], { type: 'region' });
    const names = [...new Set([
      ...cities.map((city) => city.name),
      ...cities.map((city) => city.region).filter(Boolean),
      ...codes.map((code) => regions.of(code)),
      ...geodata('commitment-types.json').map((type) => type.title[lang]),
    ])];
    assert.ok(names.length > 800, `${names.length} names`);
    const collator = new Intl.Collator(lang);
    assert.deepEqual([...names].sort(locale.compare), [...names].sort(collator.compare));
  }
  // Where the two would differ, the case of otherwise equal names, the order is still total and stable.
  assert.equal(de.compare('Bad Homburg', 'Badalona'), -1);
  assert.equal(de.compare('Łódź', 'Lodz') !== 0, true);
  assert.equal(de.compare('Lodz', 'Lodz'), 0);
});

test('dates come in the reader\'s language', () => {
  assert.equal(de.date('2019-05-20'), '20. Mai 2019');
  assert.equal(en.date('2019-05'), 'May 2019');
});

test('where a city lies: region and country', () => {
  assert.equal(de.place({ region: 'Baden-Württemberg', country: 'DE' }), 'Baden-Württemberg, Deutschland');
  assert.equal(en.place({ region: null, country: 'CH' }), 'Switzerland');
});

test('a summary in the reader\'s language is shown without a language mark', () => {
  assert.deepEqual(pick({ de: 'Ratsbeschluss', en: 'Council decision' }, 'de'), { text: 'Ratsbeschluss', lang: null });
  assert.deepEqual(pick({ de: 'Ratsbeschluss', en: 'Council decision' }, 'en'), { text: 'Council decision', lang: null });
});

test('a summary missing in the reader\'s language falls back to the other, marked with its language', () => {
  assert.deepEqual(pick({ de: 'Ratsbeschluss', en: '' }, 'en'), { text: 'Ratsbeschluss', lang: 'de' });
  assert.deepEqual(pick({ de: 'Ratsbeschluss' }, 'en'), { text: 'Ratsbeschluss', lang: 'de' });
  assert.deepEqual(pick({ de: null, en: 'Council decision' }, 'de'), { text: 'Council decision', lang: 'en' });
  assert.deepEqual(de.pick({ en: 'Council decision' }), { text: 'Council decision', lang: 'en' });
});

test('a summary as one string (the API before it had both languages) is shown as it is, language unknown', () => {
  assert.deepEqual(pick('Council decision', 'de'), { text: 'Council decision', lang: null });
});

test('no summary in either language is nothing', () => {
  for (const value of [null, undefined, '', {}, { de: '', en: '' }]) assert.deepEqual(pick(value, 'de'), { text: '', lang: null });
});
