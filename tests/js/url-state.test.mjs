// The URL state (wwwroot/js/url-state.js): what a shared link says, and that writing it reads back the same.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatView, parseState, parseView, toSearch } from '../../wwwroot/js/url-state.js';

const full = '?commitment=a,b&status=decided,revoked&from=2019&to=2021&undated=true&country=DE,CH&region=Bayern,Hessen&city=slug&view=7/47.6600/9.1800';
const none = { commitments: [], statuses: [], countries: [], regions: [], from: null, to: null, undated: false };

test('a full query string parses into lists, years, a city and a view', () => {
  assert.deepEqual(parseState(full), {
    commitments: ['a', 'b'], statuses: ['decided', 'revoked'], countries: ['DE', 'CH'], regions: ['Bayern', 'Hessen'],
    from: 2019, to: 2021, undated: true, city: 'slug', view: '7/47.6600/9.1800',
  });
});

test('a full state round-trips through the query string, commas and slashes unescaped', () => {
  assert.equal(toSearch(parseState(full)), full);
  const state = { ...none, commitments: ['sea-rescue-support', 'safe-harbour'], countries: ['DE', 'CH'], regions: ['Baden-Württemberg'], from: 2020, city: 'osnabrueck', view: '12/52.2799/8.0472' };
  assert.deepEqual(parseState(toSearch(state)), state);
});

test('years that are not four digits are no filter, and undated without years says nothing', () => {
  assert.deepEqual([parseState('?from=20x9&to=99').from, parseState('?from=20x9&to=99').to], [null, null]);
  assert.equal(toSearch({ ...none, undated: true }), '');
});

test('an empty query string is no selection, and no selection writes nothing', () => {
  const empty = { ...none, city: null, view: null };
  assert.deepEqual(parseState(''), empty);
  assert.equal(toSearch(empty), '');
});

test('hand-written lists are tidied: blanks dropped, spaces trimmed, countries upper case', () => {
  const state = parseState('?commitment=,a,,%20b%20&country=de,%20ch,&city=');
  assert.deepEqual(state.commitments, ['a', 'b']);
  assert.deepEqual(state.countries, ['DE', 'CH']);
  assert.equal(state.city, null);
});

test('a repeated parameter reads its first value, as URLSearchParams.get does', () => {
  assert.deepEqual(parseState('?country=DE&country=CH').countries, ['DE']);
});

test('a city slug needing escapes survives the round trip', () => {
  const state = { ...none, city: 'saint-étienne & co', view: null };
  assert.deepEqual(parseState(toSearch(state)), state);
});

test('a view formats to 4 decimals and parses back to [lat, lng] and zoom', () => {
  const text = formatView({ lat: 47.66004, lng: 9.18 }, 12);
  assert.equal(text, '12/47.6600/9.1800');
  assert.deepEqual(parseView(text), { center: [47.66, 9.18], zoom: 12 });
});

test('an invalid view is null, never a throw', () => {
  for (const text of [null, '', '12/47', '12/47/9/1', 'a/b/c', '23/0/0', '-1/0/0', '5/91/0', '5/0/181', '5/Infinity/0']) {
    assert.equal(parseView(text), null, String(text));
  }
});
