// The one place that converts between GeoJSON and Leaflet coordinates.
// GeoJSON positions are [longitude, latitude] (RFC 7946); Leaflet's API takes [latitude, longitude].

const L = globalThis.L;

/** A position given GeoJSON-wise (longitude first) as a Leaflet LatLng. */
export function lonLatToLatLng(longitude, latitude) {
  return L.latLng(latitude, longitude);
}

/** A Leaflet LatLng as a GeoJSON position [longitude, latitude], rounded to 6 decimals (about 10 cm). */
export function latLngToPosition(latLng) {
  const round = (n) => Math.round(n * 1e6) / 1e6;
  return [round(latLng.lng), round(latLng.lat)];
}

/** A GeoJSON Point feature's position as a Leaflet LatLng. */
export function featureLatLng(feature) {
  const [longitude, latitude] = feature.geometry.coordinates;
  return lonLatToLatLng(longitude, latitude);
}

/** Leaflet bounds around GeoJSON positions (null when there are none). */
export function boundsOfFeatures(features) {
  if (features.length === 0) return null;
  // One pass over the coordinates: 100,000 LatLng objects only to find four numbers would cost a refit 20 ms.
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { geometry: { coordinates: [lon, lat] } } of features) {
    if (lon < west) west = lon;
    if (lon > east) east = lon;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  }
  return L.latLngBounds([south, west], [north, east]);
}
