// The country outlines as shapes on Leaflet's Web Mercator world (EPSG:3857, 256 px wide at zoom 0) and how one
// map tile of them is drawn, as SVG path data. No DOM and no Leaflet: the same code runs in the outline worker and,
// where a browser cannot start it, on the page.

/** Leaflet's Spherical Mercator stops at this latitude; the outlines are clipped to it the same way. */
const maxLatitude = 85.0511287798;

/** [longitude, latitude] in degrees → [x, y] on the zoom-0 world, 0–256 from the antimeridian and the top. */
export function project([longitude, latitude]) {
  const lat = Math.max(-maxLatitude, Math.min(maxLatitude, latitude)) * Math.PI / 180;
  return [
    (longitude + 180) / 360 * 256,
    (0.5 - Math.log(Math.tan(Math.PI / 4 + lat / 2)) / (2 * Math.PI)) * 256,
  ];
}

function ringsOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return geometry.coordinates;
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat();
  return [];
}

/**
 * Each feature's rings projected once, as flat [x0, y0, x1, y1, …] arrays, with the box around them: a tile then
 * skips every country outside it without looking at a point.
 */
export function shapesOf(features) {
  const shapes = [];
  for (const feature of features ?? []) {
    const rings = [];
    const box = [Infinity, Infinity, -Infinity, -Infinity];
    for (const ring of ringsOf(feature.geometry)) {
      if (ring.length < 3) continue;
      const flat = new Float64Array(ring.length * 2);
      ring.forEach((position, i) => {
        const [x, y] = project(position);
        flat[2 * i] = x;
        flat[2 * i + 1] = y;
        box[0] = Math.min(box[0], x); box[1] = Math.min(box[1], y);
        box[2] = Math.max(box[2], x); box[3] = Math.max(box[3], y);
      });
      rings.push(flat);
    }
    if (rings.length) shapes.push({ rings, box });
  }
  return shapes;
}

/**
 * The shapes a tile shows: their box meets the tile's, widened by `margin` pixels so that a border on the
 * tile's edge is stroked on both tiles it touches.
 */
export function shapesInTile(shapes, { x, y, z }, size, margin = 1) {
  const scale = 2 ** z * size / 256;
  const left = (x * size - margin) / scale;
  const top = (y * size - margin) / scale;
  const right = ((x + 1) * size + margin) / scale;
  const bottom = ((y + 1) * size + margin) / scale;
  return shapes.filter(({ box }) => box[0] <= right && box[2] >= left && box[1] <= bottom && box[3] >= top);
}

/** A coordinate in a tile's path: a tenth of a pixel is finer than any screen shows, and keeps the path short. */
const round = (value) => Math.round(value * 10) / 10;

/**
 * A ring ([x0, y0, x1, y1, …] in the tile's pixels) clipped to the square from `low` to `high` on both axes
 * (Sutherland–Hodgman, one side at a time). Clipping each ring alone keeps the even-odd rule's holes; the edges it
 * adds lie on the square, which is drawn a border's width beyond the tile so that they are never seen.
 */
export function clipRing(points, low, high) {
  const sides = [
    [(x) => x >= low, (ax, ay, bx, by) => [low, ay + (by - ay) * (low - ax) / (bx - ax)]],
    [(x) => x <= high, (ax, ay, bx, by) => [high, ay + (by - ay) * (high - ax) / (bx - ax)]],
    [(x, y) => y >= low, (ax, ay, bx, by) => [ax + (bx - ax) * (low - ay) / (by - ay), low]],
    [(x, y) => y <= high, (ax, ay, bx, by) => [ax + (bx - ax) * (high - ay) / (by - ay), high]],
  ];
  let ring = points;
  for (const [inside, cross] of sides) {
    const clipped = [];
    const n = ring.length / 2;
    for (let i = 0; i < n; i++) {
      const ax = ring[2 * ((i + n - 1) % n)], ay = ring[2 * ((i + n - 1) % n) + 1];
      const bx = ring[2 * i], by = ring[2 * i + 1];
      const aIn = inside(ax, ay), bIn = inside(bx, by);
      if (bIn !== aIn) clipped.push(...cross(ax, ay, bx, by));
      if (bIn) clipped.push(bx, by);
    }
    ring = clipped;
    if (ring.length === 0) break;
  }
  return ring;
}

/**
 * Tile {x, y, z} of `size` pixels as SVG path data, one string per country that meets it, in the tile's own
 * pixels: the points are scaled, never the drawing, so a border keeps its width at any zoom. Each ring is clipped
 * to the tile widened by `margin` (at street level a country's whole outline would be tens of kilobytes per tile)
 * and closed; holes are left to the even-odd rule, as Leaflet fills. A point that rounds onto the one before it is
 * left out.
 */
export function tilePaths(shapes, tile, size, margin = 1) {
  const scale = 2 ** tile.z * size / 256;
  const dx = tile.x * size;
  const dy = tile.y * size;
  const paths = [];
  for (const { rings } of shapesInTile(shapes, tile, size, margin)) {
    const parts = [];
    for (const ring of rings) {
      const scaled = new Float64Array(ring.length);
      for (let i = 0; i < ring.length; i += 2) {
        scaled[i] = ring[i] * scale - dx;
        scaled[i + 1] = ring[i + 1] * scale - dy;
      }
      const clipped = clipRing(scaled, -margin, size + margin);
      if (clipped.length === 0) continue;
      let lastX = round(clipped[0]);
      let lastY = round(clipped[1]);
      parts.push(`M${lastX} ${lastY}`);
      for (let i = 2; i < clipped.length; i += 2) {
        const x = round(clipped[i]);
        const y = round(clipped[i + 1]);
        if (x === lastX && y === lastY) continue;
        parts.push(`L${x} ${y}`);
        lastX = x;
        lastY = y;
      }
      parts.push('Z');
    }
    if (parts.length) paths.push(parts.join(''));
  }
  return paths;
}
