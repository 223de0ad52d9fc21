// Interface text from the page's strings (wwwroot/js/strings.js): filled in, and loud when something is missing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { format, hasMissing, missing, missingKeys, pluralKey } from '../../wwwroot/js/strings.js';

const strings = {
  'summary.matching': '{shown} von {total} Orten',
  'cities.one': '{count} Ort',
  'cities.other': '{count} Orte',
};

test('placeholders are filled by name, in any order and more than once', () => {
  assert.equal(format(strings, 'summary.matching', { total: '11', shown: 3 }), '3 von 11 Orten');
  assert.equal(format({ twice: '{a}, {a}!' }, 'twice', { a: 'Hallo' }), 'Hallo, Hallo!');
  assert.equal(format({ none: 'Quelle' }, 'none'), 'Quelle');
});

test('a missing key shows as ⟦key⟧, never as nothing', () => {
  const text = format(strings, 'panel.source');
  assert.equal(text, '⟦panel.source⟧');
  assert.ok(hasMissing(text));
  assert.equal(format(undefined, 'panel.source'), missing('panel.source'));
  assert.equal(format({ 'not.text': 42 }, 'not.text'), '⟦not.text⟧');
});

test('a missing value shows as ⟦name⟧ in its place', () => {
  const text = format(strings, 'summary.matching', { shown: 3 });
  assert.equal(text, '3 von ⟦total⟧ Orten');
  assert.ok(hasMissing(text));
  assert.ok(!hasMissing(format(strings, 'summary.matching', { shown: 0, total: 0 })), '0 is a value');
});

test('plural keys take the rule, falling back to .other', () => {
  assert.equal(pluralKey(strings, 'cities', 'one'), 'cities.one');
  assert.equal(pluralKey(strings, 'cities', 'other'), 'cities.other');
  assert.equal(pluralKey(strings, 'cities', 'few'), 'cities.other');
  assert.equal(format(strings, pluralKey(strings, 'news', 'one')), '⟦news.other⟧');
});

test('missingKeys lists the keys a strings object lacks', () => {
  assert.deepEqual(missingKeys(strings, ['cities.one', 'panel.source', 'cities.other', 'panel.news']), ['panel.source', 'panel.news']);
  assert.deepEqual(missingKeys(strings, Object.keys(strings)), []);
});
