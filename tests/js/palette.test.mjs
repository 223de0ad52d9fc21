import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { difference, visions } from '../../scripts/palette.mjs';

const types = JSON.parse(readFileSync(new URL('../../geodata/commitment-types.json', import.meta.url), 'utf8'));
const families = new Map(types.map((type) => [type.family, type.color]));
const clusterNeutral = '#3c4048'; // wwwroot/css/map.css, .marker-cluster div
// The old palette's pairs that could not be told apart at map scale (#0072b2/#004d80, #e69f00/#d55e00) differ by
// 16–33 ΔE; the families must differ by more than twice the worst of those in every vision.
const enough = 30;

test('the simulation tells the old look-alike pairs apart less than the families', () => {
  assert.ok(difference('#0072b2', '#004d80', 'deuteranopia') < 20);
  assert.ok(difference('#e69f00', '#d55e00', 'deuteranopia') < 20);
  assert.ok(difference('#ff0000', '#00ff00', 'normal') > 100);
  assert.ok(difference('#ff0000', '#00ff00', 'deuteranopia') < difference('#ff0000', '#00ff00', 'normal'));
});

test('four or five families, each of one colour', () => {
  assert.ok(families.size >= 4 && families.size <= 5, `${families.size} families`);
  for (const type of types) assert.equal(type.color, families.get(type.family), type.key);
});

for (const vision of visions) {
  test(`every two families, and each family and the clusters, differ clearly with ${vision} vision`, () => {
    const colors = [...families.entries()];
    for (let i = 0; i < colors.length; i++) {
      assert.ok(difference(colors[i][1], clusterNeutral, vision) >= enough, `${colors[i][0]} vs clusters`);
      for (let j = i + 1; j < colors.length; j++) {
        const delta = difference(colors[i][1], colors[j][1], vision);
        assert.ok(delta >= enough, `${colors[i][0]} vs ${colors[j][0]}: ΔE ${delta.toFixed(1)}`);
      }
    }
  });
}
