import { test } from 'node:test';
import assert from 'node:assert/strict';
import { familyOrderOf, markerLook } from '../../wwwroot/js/marker-look.js';

const types = [
  { key: 'safe-harbour-declaration', family: 'harbour', color: '#0072b2' },
  { key: 'sea-rescue-support', family: 'harbour', color: '#0072b2' },
  { key: 'additional-admission', family: 'admission', color: '#e69f00' },
  { key: 'city-id', family: 'staying', color: '#009e73' },
  { key: 'networking', family: 'stance', color: '#cc79a7' },
];
const byKey = new Map(types.map((t) => [t.key, t]));
const order = familyOrderOf(types);

test('the families come in the order the catalogue first names them', () => {
  assert.deepEqual(order, ['harbour', 'admission', 'staying', 'stance']);
});

test('a ring has one colour per family, in family order, and the number counts kinds of commitment', () => {
  const look = markerLook({ commitments: ['networking', 'sea-rescue-support', 'safe-harbour-declaration'] }, byKey, order);
  assert.equal(look.look, 'committed');
  assert.deepEqual(look.colors, ['#0072b2', '#cc79a7']);
  assert.equal(look.text, '3');
  assert.equal(look.district, false);
});

test('a district is told apart by its shape, whatever it committed to', () => {
  const town = markerLook({ commitments: ['city-id'], kind: 'municipality' }, byKey, order);
  const district = markerLook({ commitments: ['city-id'], kind: 'district' }, byKey, order);
  assert.equal(district.district, true);
  assert.notEqual(town.key, district.key);
});

test('a place without a live commitment shows no number: a network member a plain ring, a withdrawn one a dashed one', () => {
  const member = markerLook({ commitments: [], networks: ['solidarity-cities'], items: [] }, byKey, order);
  assert.deepEqual([member.look, member.text, member.colors], ['network', '', []]);
  const withdrawn = markerLook({ commitments: [], items: [['safe-harbour-declaration', 'revoked', 2024]] }, byKey, order);
  assert.deepEqual([withdrawn.look, withdrawn.text], ['withdrawn', '']);
  const nothing = markerLook({ commitments: [], items: [] }, byKey, order);
  assert.equal(nothing.look, 'none');
});

test('a revoked commitment never colours the ring, even beside a live one', () => {
  const look = markerLook({ commitments: ['city-id'], items: [['city-id', 'decided', 2020], ['safe-harbour-declaration', 'revoked', 2024]] }, byKey, order);
  assert.deepEqual(look.colors, ['#009e73']);
  assert.equal(look.text, '1');
});

test('cities that look alike share one key, so they can share one icon', () => {
  const a = markerLook({ commitments: ['sea-rescue-support'] }, byKey, order);
  const b = markerLook({ commitments: ['safe-harbour-declaration'] }, byKey, order);
  assert.equal(a.key, b.key);
});
