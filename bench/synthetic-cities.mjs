// Writes N synthetic cities in the geodata import format, deterministic for a given N (seeded PRNG), spread
// over Europe with 1–3 commitments each. Usage: node bench/synthetic-cities.mjs <count> <out.geojson>
import { writeFileSync } from 'node:fs';

const [count, out] = [Number(process.argv[2]), process.argv[3]];
if (!Number.isInteger(count) || count < 1 || !out) {
  console.error('usage: node bench/synthetic-cities.mjs <count> <out.geojson>');
  process.exit(2);
}

let state = 0x2545f491 ^ count;
const random = () => ((state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
const pick = (list) => list[Math.floor(random() * list.length)];

const countries = ['DE', 'AT', 'CH', 'IT', 'ES', 'FR', 'NL', 'PL', 'GR', 'BE'];
const types = ['safe-harbour-declaration', 'sea-rescue-support', 'additional-admission', 'admission-programme',
  'safe-harbour-alliance', 'residence-support'];
const statuses = ['announced', 'decided', 'implemented'];
const syllables = ['berg', 'dorf', 'hausen', 'heim', 'stadt', 'feld', 'burg', 'bach', 'au', 'ingen'];

const features = [];
for (let i = 1; i <= count; i++) {
  const name = `${pick(['Nord', 'Süd', 'Ost', 'West', 'Ober', 'Unter', 'Neu', 'Alt'])}${pick(syllables)} ${i}`;
  const commitments = [];
  for (const type of types) if (random() < 0.3 || commitments.length === 0 && type === types.at(-1))
    commitments.push({ type, status: pick(statuses), date: `${2018 + Math.floor(random() * 8)}`, sourceUrl: `https://example.org/source/${i}` });
  features.push({
    type: 'Feature',
    id: `synthetic-${i}`,
    geometry: { type: 'Point', coordinates: [+(-10 + random() * 40).toFixed(6), +(36 + random() * 28).toFixed(6)] },
    properties: { name, country: pick(countries), region: `Region ${1 + Math.floor(random() * 16)}`, commitments },
  });
}
writeFileSync(out, JSON.stringify({ type: 'FeatureCollection', features }));
console.log(`wrote ${count} synthetic cities to ${out}`);
