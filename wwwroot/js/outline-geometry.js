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
 * Tile {x, y, z} of `size` pixels as SVG path data, one string per country that meets it, in the tile's own
 * pixels: the points are scaled, never the drawing, so a border keeps its width at any zoom. Each ring is closed;
 * holes are left to the even-odd rule, as Leaflet fills. A point that rounds onto the one before it is left out.
 */
export function tilePaths(shapes, tile, size, margin = 1) {
  const scale = 2 ** tile.z * size / 256;
  const dx = tile.x * size;
  const dy = tile.y * size;
  return shapesInTile(shapes, tile, size, margin).map(({ rings }) => {
    const parts = [];
    for (const ring of rings) {
      let lastX = round(ring[0] * scale - dx);
      let lastY = round(ring[1] * scale - dy);
      parts.push(`M${lastX} ${lastY}`);
      for (let i = 2; i < ring.length; i += 2) {
        const x = round(ring[i] * scale - dx);
        const y = round(ring[i + 1] * scale - dy);
        if (x === lastX && y === lastY) continue;
        parts.push(`L${x} ${y}`);
        lastX = x;
        lastY = y;
      }
      parts.push('Z');
    }
    return parts.join('');
  });
}
