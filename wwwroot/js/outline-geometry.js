// The country outlines as shapes on Leaflet's Web Mercator world (EPSG:3857, 256 px wide at zoom 0) and how one
// map tile of them is drawn. No DOM and no Leaflet: the same code runs in the outline worker and, where a browser
// has no worker canvas, on the page.

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

/**
 * Draws tile {x, y, z} of `size` pixels on a 2D context: land filled, borders stroked `style.weight` pixels wide
 * whatever the zoom (the points are scaled, not the context). Holes follow the even-odd rule, as Leaflet fills.
 */
export function drawTile(context, shapes, tile, size, style) {
  const scale = 2 ** tile.z * size / 256;
  const dx = tile.x * size;
  const dy = tile.y * size;
  context.clearRect(0, 0, size, size);
  context.fillStyle = style.fillColor;
  context.strokeStyle = style.color;
  context.lineWidth = style.weight;
  context.lineJoin = 'round';
  for (const shape of shapesInTile(shapes, tile, size, style.weight)) {
    context.beginPath();
    for (const ring of shape.rings) {
      context.moveTo(ring[0] * scale - dx, ring[1] * scale - dy);
      for (let i = 2; i < ring.length; i += 2) context.lineTo(ring[i] * scale - dx, ring[i + 1] * scale - dy);
      context.closePath();
    }
    context.fill('evenodd');
    context.stroke();
  }
}
