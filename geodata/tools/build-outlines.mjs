// Builds geodata/country-outlines.geojson: the outlines of the countries in and around Europe, drawn beneath
// the markers so the map still reads when tiles cannot load. Source: Natural Earth 1:50m Admin 0 countries
// (public domain) as redistributed by the npm package world-atlas 2.0.2, converted with topojson-client.
//
// Countries are kept when their outline reaches into the map's European frame; coordinates are rounded to
// 3 decimals (about 100 m, far below what 1:50m resolves) to keep the file small.
//
// Usage (from the repo root, after npm ci): node geodata/tools/build-outlines.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);
const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'));
const frame = { west: -32, south: 26, east: 50, north: 72 };

const round = (n) => Math.round(n * 1000) / 1000;
const roundRing = (ring) => ring.map(([lon, lat]) => [round(lon), round(lat)])
  .filter((p, i, all) => i === 0 || p[0] !== all[i - 1][0] || p[1] !== all[i - 1][1]);
const polygons = (g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
const inFrame = ([lon, lat]) => lon >= frame.west && lon <= frame.east && lat >= frame.south && lat <= frame.north;

const countries = feature(topology, topology.objects.countries).features
  .map((country) => {
    // Whole polygons outside the frame (overseas territories, Siberia's islands) are dropped.
    const kept = polygons(country.geometry)
      .filter((polygon) => polygon[0].some(inFrame))
      .map((polygon) => polygon.map(roundRing).filter((ring) => ring.length >= 4));
    return { country, kept };
  })
  .filter(({ kept }) => kept.length > 0)
  .sort((a, b) => a.country.properties.name.localeCompare(b.country.properties.name))
  .map(({ country, kept }) => ({
    type: 'Feature',
    id: country.id,
    properties: { name: country.properties.name },
    geometry: { type: 'MultiPolygon', coordinates: kept },
  }));

const collection = {
  type: 'FeatureCollection',
  features: countries,
};
writeFileSync('geodata/country-outlines.geojson', JSON.stringify(collection) + '\n');
console.log(`${countries.length} countries, ${JSON.stringify(collection).length} bytes`);
