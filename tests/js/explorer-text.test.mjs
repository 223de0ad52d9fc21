// Every word the map shows comes from options.strings, and every key is there in both languages: the keys the
// scripts use, the keys the map page's markup (Pages/Map.cshtml) writes, and the server's Resources/MapText.resx
// (English) and MapText.de.resx (German) all agree. The page hands the scripts every text of those files.
// Static checks over the files, so a key added to one place only fails here.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';

const repo = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, repo), 'utf8');

const decode = (text) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** A resx file's data entries as key → text. */
function resx(path) {
  const entries = {};
  for (const [, name, value] of read(path).matchAll(/<data name="([^"]+)"[^>]*>\s*<value>([\s\S]*?)<\/value>/g)) entries[decode(name)] = decode(value);
  return entries;
}

const page = read('src/MovingCities.Web/Pages/Map.cshtml');
const markupKeys = new Set([...page.matchAll(/\bM\["([^"]+)"\]/g)].map(([, key]) => key));
const english = resx('src/MovingCities.Web/Resources/MapText.resx');
const german = resx('src/MovingCities.Web/Resources/MapText.de.resx');

// The explorer's modules: everything main.js reaches, not the editor's.
const explorerModules = ['explorer.js', 'panel.js', 'list.js', 'filters.js', 'search.js', 'markers.js', 'api.js',
  'history.js', 'main.js', 'combobox.js', 'country-choice.js', 'geo.js', 'basemap.js', 'text.js',
  'timeline-control.js', 'year-chart.js', 'near.js', 'cluster-layer.js', 'share.js', 'embed.js', 'views.js',
  'outline-layer.js', 'outline-geometry.js', 'outline-worker.js', 'map-boot.js', 'after-paint.js', 'cluster-source.js', 'shown.js',
  'cluster-worker.js'];
const sources = Object.fromEntries(explorerModules.map((name) => [name, read(`wwwroot/js/${name}`)]));
const withoutComments = (code) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

/** String literals shaped like keys ('panel.source', 'summary.all'): the scripts' keys and plural stems. */
const usedKeys = new Set(Object.values(sources).flatMap((code) =>
  [...withoutComments(code).matchAll(/'([a-z]+(?:\.[a-zA-Z]+)+)'/g)].map(([, key]) => key)));
const statuses = ['announced', 'decided', 'implemented', 'revoked']; // the API's CommitmentStatus, lower case
const isUsed = (key) => usedKeys.has(key) || usedKeys.has(key.replace(/\.(zero|one|two|few|many|other)$/, ''))
  || (key.startsWith('commitmentStatus.') && sources['panel.js'].includes('`commitmentStatus.${'));

test('the scripts use keys', () => {
  assert.ok(usedKeys.size >= 25, `only ${usedKeys.size} keys found: has the way modules ask for text changed?`);
});

test('every key the scripts and the page use is in both resource files', () => {
  for (const key of [...usedKeys, ...markupKeys]) {
    for (const [where, strings] of [['MapText.resx', english], ['MapText.de.resx', german]]) {
      const present = key in strings || `${key}.other` in strings;
      assert.ok(present, `${where} lacks "${key}"`);
    }
  }
  for (const status of statuses) assert.ok(`commitmentStatus.${status}` in german, `German lacks status ${status}`);
});

test('the German file has the same keys as the English one', () => {
  assert.deepEqual(Object.keys(german).sort(), Object.keys(english).sort());
});

test('no text is empty, and placeholders are the same in both languages', () => {
  const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map(([, name]) => name).sort();
  for (const [key, text] of Object.entries(english)) {
    assert.ok(text.trim() && german[key].trim(), `"${key}" is empty`);
    // A plural's one form may name its number in words ("Show 1 more"); every other text keeps its values.
    if (!key.endsWith('.one')) assert.deepEqual(placeholders(german[key]), placeholders(text), `placeholders of "${key}"`);
  }
});

test('every key is used: by the scripts, or as text in the page\'s markup', () => {
  const unused = Object.entries(english).filter(([key]) => !isUsed(key)
    && !markupKeys.has(key) && key !== 'commitmentStatus.rejected');
  assert.deepEqual(unused.map(([key]) => key), []);
});

test('no English words are left in the explorer\'s scripts for people to read', () => {
  // Literals with two words or a capital word are text; the rest are classes, selectors, roles, keys and GeoJSON types.
  const technical = [/^application\//, /^(Multi)?Polygon$/, /^prefers-reduced-motion/, /^<div><span aria-hidden="true">/];
  const notText = new Set(['Enter', 'Escape', 'animationend spiderfied', 'Ae', 'Oe', 'Ue']); // keys, events, spelling
  const found = [];
  for (const [name, code] of Object.entries(sources)) {
    for (const [, literal] of withoutComments(code).matchAll(/'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)) {
      if (literal === undefined) continue;
      if (notText.has(literal) || technical.some((pattern) => pattern.test(literal))) continue;
      if (/\b[A-Za-z]{2,} [A-Za-z]{2,}\b/.test(literal.replace(/\$\{[^}]*\}/g, '')) || /^[A-Z][a-z]+[ .!…]?$/.test(literal)) found.push(`${name}: '${literal}'`);
    }
  }
  assert.deepEqual(found, []);
});

test('the explorer\'s modules are all checked here', () => {
  const imported = new Set(['main.js']);
  for (let grew = true; grew;) {
    grew = false;
    for (const name of [...imported]) {
      for (const [, dependency] of read(`wwwroot/js/${name}`).matchAll(/from '\.\/([\w-]+\.js)'/g)) {
        if (!imported.has(dependency)) { imported.add(dependency); grew = true; }
      }
    }
  }
  const pure = ['strings.js', 'locale.js', 'dates.js', 'languages.js', 'options.js', 'selection.js', 'url-state.js', 'timeline.js', 'year-range.js', 'nearest.js', 'marker-look.js', 'unknown-filters.js', 'cluster-index.js'];
  const unchecked = [...imported].filter((name) => !explorerModules.includes(name) && !pure.includes(name));
  assert.deepEqual(unchecked, [], 'add them to explorerModules above');
  assert.ok(readdirSync(new URL('wwwroot/js/', repo)).includes('explorer.js'));
});
