// Reads a GeoJSON endpoint with @placemarkio/check-geojson, an RFC 7946 checker independent of our serializer.
// Usage: node .ci/check-geojson.mjs <url> [expected feature count]
import { check } from '@placemarkio/check-geojson';

const [url, expected] = process.argv.slice(2);
const response = await fetch(url);
const type = response.headers.get('content-type') ?? '';
if (!response.ok || !type.startsWith('application/geo+json')) {
  console.error(`check-geojson: ${url} answered ${response.status} ${type}`);
  process.exit(1);
}
try {
  const geojson = check(await response.text());
  const count = geojson.features?.length ?? 1;
  if (expected !== undefined && count !== Number(expected)) {
    console.error(`check-geojson: ${url} has ${count} features, expected ${expected}`);
    process.exit(1);
  }
  console.log(`check-geojson: ${url} is valid RFC 7946 GeoJSON with ${count} feature(s)`);
} catch (error) {
  console.error(`check-geojson: ${url} rejected:`, JSON.stringify(error.issues ?? error.message, null, 2));
  process.exit(1);
}
