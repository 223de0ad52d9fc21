// The text folding the search relies on (wwwroot/js/text.js): what a visitor types finds the city meant.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fold, searchKeys, slugOf } from '../../wwwroot/js/text.js';

test('fold drops case and accents', () => {
  assert.equal(fold('Zürich'), 'zurich');
  assert.equal(fold('ZURICH'), 'zurich');
  assert.equal(fold('Besançon'), 'besancon');
  assert.equal(fold('Kraków'), 'krakow');
});

test('fold spells out letters that are not an accent on a base letter', () => {
  assert.equal(fold('Gießen'), 'giessen');
  assert.equal(fold('Łódź'), 'lodz');
  assert.equal(fold('Ærø'), 'aero');
  assert.equal(fold('Đakovo'), 'dakovo');
});

test('fold treats composed and decomposed input alike', () => {
  assert.equal(fold('Zu\u0308rich'), fold('Z\u00fcrich'));
});

test('searchKeys adds the German ae/oe/ue spelling only when there is an umlaut', () => {
  assert.deepEqual(searchKeys('Osnabrück'), ['osnabruck', 'osnabrueck']);
  assert.deepEqual(searchKeys('Österreich'), ['osterreich', 'oesterreich']);
  assert.deepEqual(searchKeys('Konstanz'), ['konstanz']);
});

test('what a visitor types, folded, starts one of the keys', () => {
  const finds = (typed, name) => searchKeys(name).some((key) => key.startsWith(fold(typed)));
  assert.ok(finds('zuerich', 'Zürich'));
  assert.ok(finds('ZURI', 'Zürich'));
  assert.ok(finds('osnabrueck', 'Osnabrück'));
  assert.ok(!finds('zurich', 'Bern'));
});

test('slugOf makes the server\'s slugs (Text/Slug.cs)', () => {
  assert.equal(slugOf('Osnabrück'), 'osnabrueck');
  assert.equal(slugOf('Bochum und Regensburg: Geld für ein Rettungsschiff'), 'bochum-und-regensburg-geld-fuer-ein-rettungsschiff');
  assert.equal(slugOf('  Saint-Étienne!  '), 'saint-etienne');
  assert.equal(slugOf('Gießen'), 'giessen');
});
