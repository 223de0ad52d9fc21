// The outline tiles' geometry (wwwroot/js/outline-geometry.js): Leaflet's Web Mercator, which countries a tile
// draws, and drawing at a border width that does not change with the zoom.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { drawTile, project, shapesInTile, shapesOf } from '../../wwwroot/js/outline-geometry.js';

// The slippy-map tile formula (OpenStreetMap wiki), written independently of project().
const slippy = (lon, lat, z) => [
  (lon + 180) / 360 * 2 ** z,
  (1 - Math.asinh(Math.tan(lat * Math.PI / 180)) / Math.PI) / 2 * 2 ** z,
];

const square = (west, south, east, north, name) => ({
  type: 'Feature', properties: { name },
  geometry: { type: 'Polygon', coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] },
});

/** A 2D context that writes down what is drawn. */
function recorder() {
  const calls = [];
  const context = { calls };
  for (const name of ['clearRect', 'beginPath', 'moveTo', 'lineTo', 'closePath', 'fill', 'stroke']) {
    context[name] = (...args) => calls.push([name, ...args, { lineWidth: context.lineWidth, fillStyle: context.fillStyle }]);
  }
  return context;
}

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

test('a tile is drawn in its own pixels: scaled points, fill and a border of the same width at any zoom', () => {
  const shapes = shapesOf([square(8, 47, 10, 48)]);
  const style = { color: '#8c8c80', weight: 1, fillColor: '#f3f0e8' };
  for (const z of [4, 12]) {
    const [px, py] = project([8, 47]).map((v) => v * 2 ** z);
    const tile = { x: Math.floor(px / 256), y: Math.floor(py / 256), z };
    const context = recorder();
    drawTile(context, shapes, tile, 256, style);
    const names = context.calls.map((c) => c[0]);
    assert.deepEqual(names.slice(0, 3), ['clearRect', 'beginPath', 'moveTo']);
    assert.deepEqual(names.slice(-3), ['closePath', 'fill', 'stroke']);
    const [, x, y] = context.calls[2];
    assert.ok(Math.abs(x - (px - tile.x * 256)) < 1e-6 && Math.abs(y - (py - tile.y * 256)) < 1e-6);
    const fill = context.calls.find((c) => c[0] === 'fill');
    assert.equal(fill[1], 'evenodd');
    assert.equal(fill[2].fillStyle, '#f3f0e8');
    assert.equal(context.calls.find((c) => c[0] === 'stroke')[1].lineWidth, 1);
  }
  // A tile with no country in it is only cleared.
  const empty = recorder();
  drawTile(empty, shapes, { x: 0, y: 0, z: 4 }, 256, style);
  assert.deepEqual(empty.calls.map((c) => c[0]), ['clearRect']);
});
