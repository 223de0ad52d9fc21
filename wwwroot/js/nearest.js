// The nearest cities to a point, with their distances: the rule behind the map's "near me" list. Pure (no DOM,
// no Leaflet), tested in Node (tests/js/nearest.test.mjs). Distances are great-circle distances on a sphere of
// the mean earth radius, as the server computes them (Cities/Distance.cs).

/** The mean earth radius (IUGG), in kilometres. */
export const earthRadiusKm = 6371.0088;

const radians = Math.PI / 180;

/** The great-circle distance in km between two GeoJSON positions [longitude, latitude]. */
export function distanceKm([lon1, lat1], [lon2, lat2]) {
  const sinLat = Math.sin(((lat2 - lat1) * radians) / 2);
  const sinLon = Math.sin(((lon2 - lon1) * radians) / 2);
  const h = sinLat * sinLat + Math.cos(lat1 * radians) * Math.cos(lat2 * radians) * sinLon * sinLon;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The `count` features nearest to `position` ([longitude, latitude]), nearest first, each as { feature, km }.
 * Equal distances keep the features' given order. One pass keeping the best few in order: O(n × count), fine
 * for a short list over 100,000 cities.
 * @param {Array<{geometry: {coordinates: number[]}}>} features  GeoJSON Point features
 */
export function nearest(features, position, count) {
  if (!(count > 0)) return [];
  const best = [];
  for (const feature of features) {
    const km = distanceKm(position, feature.geometry.coordinates);
    if (best.length === count && km >= best[count - 1].km) continue;
    let at = best.length === count ? count - 1 : best.length;
    while (at > 0 && best[at - 1].km > km) {
      best[at] = best[at - 1];
      at--;
    }
    best[at] = { feature, km };
  }
  return best;
}

const formats = new Map();

/**
 * A distance as the language writes numbers, without the unit, as the city pages write it (Distance.Written):
 * one decimal below 10 km ("2,5" in German, "2.5" in English, "3" rather than "3,0"), whole kilometres above
 * ("1.234" / "1,234").
 */
export function formatKm(km, lang) {
  const decimals = km < 9.95 ? 1 : 0;
  const key = `${lang}/${decimals}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(lang, { maximumFractionDigits: decimals })));
  return format.format(decimals ? Math.round(km * 10) / 10 : Math.round(km));
}
