// The outline tiles' geometry (wwwroot/js/outline-geometry.js): Leaflet's Web Mercator, which countries a tile
// draws, and its SVG path data in the tile's own pixels.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clipRing, project, shapesInTile, shapesOf, tilePaths } from '../../wwwroot/js/outline-geometry.js';

// The slippy-map tile formula (OpenStreetMap wiki), written independently of project().
const slippy = (lon, lat, z) => [
  (lon + 180) / 360 * 2 ** z,
  (1 - Math.asinh(Math.tan(lat * Math.PI / 180)) / Math.PI) / 2 * 2 ** z,
];

const square = (west, south, east, north, name) => ({
  type: 'Feature', properties: { name },
  geometry: { type: 'Polygon', coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] },
});

/** The points of SVG path data written as M/L/Z commands: [[command, x, y], …]. */
const commands = (data) => [...data.matchAll(/([MLZ])(?:(-?[\d.]+) (-?[\d.]+))?/g)].map(([, c, x, y]) => (c === 'Z' ? [c] : [c, Number(x), Number(y)]));

test('points land where the tile formula puts them, at every zoom', () => {
  for (const [lon, lat] of [[9.17582, 47.66033], [-8.61, 41.15], [28.98, 41.01], [0, 0], [-179.9, -60]]) {
    for (const z of [0, 4, 10]) {
      const [x, y] = project([lon, lat]).map((v) => v * 2 ** z / 256);
      const [tx, ty] = slippy(lon, lat, z);
      assert.ok(Math.abs(x - tx) < 1e-9 && Math.abs(y - ty) < 1e-9, `${lon},${lat} at ${z}: ${x},${y} vs ${tx},${ty}`);
    }
  }
  assert.deepEqual(project([0, 0]), [128, 128]);
  // Clipped at Leaflet's limit instead of running off to infinity at the poles.
  assert.ok(Math.abs(project([-180, 90])[1]) < 1e-6 && Math.abs(project([180, -90])[1] - 256) < 1e-6);
});

test('polygons and multipolygons become shapes with their boxes; points, lines and empty rings are left out', () => {
  const multi = {
    type: 'Feature',
    geometry: { type: 'MultiPolygon', coordinates: [square(0, 0, 1, 1).geometry.coordinates, square(10, 10, 11, 11).geometry.coordinates] },
  };
  const shapes = shapesOf([
    square(0, 40, 10, 50), multi,
    { type: 'Feature', geometry: { type: 'Point', coordinates: [1, 1] } },
    { type: 'Feature', geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } },
    { type: 'Feature', geometry: null },
    { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 1]]] } },
  ]);
  assert.equal(shapes.length, 2);
  assert.equal(shapes[1].rings.length, 2);
  const [west, north] = project([0, 50]);
  const [east, south] = project([10, 40]);
  assert.deepEqual(shapes[0].box, [west, north, east, south]);
  assert.deepEqual(shapesOf(undefined), []);
});

test('a tile draws only the countries whose box meets it, widened by the border so edges are stroked twice', () => {
  const shapes = shapesOf([square(5, 45, 15, 55, 'middle'), square(-30, -30, -20, -20, 'far')]);
  // Zoom 1: four tiles; the middle square is in the north-east one only.
  assert.equal(shapesInTile(shapes, { x: 1, y: 0, z: 1 }, 256).length, 1);
  assert.equal(shapesInTile(shapes, { x: 0, y: 0, z: 1 }, 256).length, 0);
  assert.deepEqual(shapesInTile(shapes, { x: 0, y: 1, z: 1 }, 256), [shapes[1]]);
  // A country starting half a pixel east of a tile's edge (0.5° at zoom 1 is 0.7 px) is stroked by the tile west
  // of it too, within the margin, and not without one.
  const nearEdge = shapesOf([square(0.5, 10, 10, 20)]);
  assert.equal(shapesInTile(nearEdge, { x: 0, y: 0, z: 1 }, 256, 1).length, 1);
  assert.equal(shapesInTile(nearEdge, { x: 0, y: 0, z: 1 }, 256, 0).length, 0);
  assert.equal(shapesInTile(nearEdge, { x: 1, y: 0, z: 1 }, 256, 0).length, 1);
});

test('a tile is path data in its own pixels: points scaled to the zoom, a tenth of a pixel at most apart from the exact point', () => {
  const shapes = shapesOf([square(8, 47, 10, 48)]);
  for (const z of [4, 12]) {
    const [px, py] = project([8, 47]).map((v) => v * 2 ** z);
    const tile = { x: Math.floor(px / 256), y: Math.floor(py / 256), z };
    const paths = tilePaths(shapes, tile, 256);
    assert.equal(paths.length, 1);
    const drawn = commands(paths[0]);
    assert.equal(drawn[0][0], 'M');
    assert.equal(drawn.at(-1)[0], 'Z');
    const corner = [px - tile.x * 256, py - tile.y * 256];
    assert.ok(drawn.some(([, x, y]) => Math.abs(x - corner[0]) <= 0.05 && Math.abs(y - corner[1]) <= 0.05), `no point at ${corner}`);
    // Every point lies on the tile or within a border's width (1 px) of it.
    for (const [c, x, y] of drawn) if (c !== 'Z') assert.ok(x >= -1 && x <= 257 && y >= -1 && y <= 257, `${x},${y} at zoom ${z}`);
    // At zoom 4 the square (some 23 px wide) lies whole in the tile: four corners and back to the first.
    if (z === 4) assert.deepEqual(drawn.map((c) => c[0]), ['M', 'L', 'L', 'L', 'L', 'Z']);
    // At zoom 12 it is thousands of pixels wide: its edges are cut where the widened tile ends.
    if (z === 12) assert.ok(drawn.some(([, x, y]) => x === 257 || y === -1), paths[0]);
  }
  // A tile with no country in it has no path.
  assert.deepEqual(tilePaths(shapes, { x: 0, y: 0, z: 4 }, 256), []);
});

test('a ring is clipped to the widened tile: a country around the tile becomes its square, one beside it nothing', () => {
  const around = clipRing([-10, -10, 300, -10, 300, 300, -10, 300], -1, 257);
  const corners = (ring) => Array.from({ length: ring.length / 2 }, (_, i) => `${ring[2 * i]},${ring[2 * i + 1]}`).sort();
  assert.deepEqual(corners(around), ['-1,-1', '-1,257', '257,-1', '257,257']);
  // A triangle with one corner inside: that corner and the two points where its sides leave the square.
  assert.deepEqual(corners(clipRing([100, 100, 400, 100, 100, 400], 0, 256)), ['100,100', '100,256', '244,256', '256,100', '256,244'].sort());
  assert.deepEqual(clipRing([300, 300, 400, 300, 400, 400], 0, 256), []);
  // A country whose box meets the tile but whose land does not (an L around its corner) draws nothing there.
  const ell = { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[0, 0], [30, 0], [30, 5], [5, 5], [5, 30], [0, 30], [0, 0]]] } };
  const [ex, ey] = project([15, 15]).map((v) => v * 2 ** 6);
  assert.deepEqual(tilePaths(shapesOf([ell]), { x: Math.floor(ex / 256), y: Math.floor(ey / 256), z: 6 }, 256), []);
});

test('each ring of a country is closed in the same path (holes by the even-odd rule), points that round together once', () => {
  const ring = (w, s, e, n) => [[w, s], [e, s], [e, n], [w, n], [w, s]];
  const withHole = { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring(0, 40, 20, 55), ring(5, 45, 10, 50)] } };
  const [data] = tilePaths(shapesOf([withHole]), { x: 0, y: 0, z: 0 }, 256);
  assert.deepEqual(commands(data).map((c) => c[0]).join(''), 'MLLLLZMLLLLZ');
  // At zoom 0 a country a thousandth of a degree wide is one point: moved to, never drawn to again.
  const tiny = shapesOf([square(9, 47, 9.001, 47.001)]);
  assert.deepEqual(commands(tilePaths(tiny, { x: 0, y: 0, z: 0 }, 256)[0]).map((c) => c[0]), ['M', 'Z']);
});
