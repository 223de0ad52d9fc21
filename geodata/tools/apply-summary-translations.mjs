// Adds German summaries to a cities file from a translation table written by people (English text → German text).
//
//   node geodata/tools/apply-summary-translations.mjs geodata/tools/summary-translations.de.json geodata/cities.geojson
//
// A summary still in the old form (an English string) becomes { "en": … }; a summary without German gets the
// table's German for its English, if the table has it. Nothing else changes; summaries the table does not know are
// listed, so they can be translated and added. Afterwards, seed a throwaway database and `export` it to write the
// file in its canonical form (see geodata/README.md, "How to update the data").
import { readFileSync, writeFileSync } from "node:fs";

const [tablePath, ...files] = process.argv.slice(2);
if (!tablePath || files.length === 0) {
  console.error("usage: apply-summary-translations.mjs <table.json> <cities.geojson>...");
  process.exit(2);
}
const table = JSON.parse(readFileSync(tablePath, "utf8"));

for (const file of files) {
  const collection = JSON.parse(readFileSync(file, "utf8"));
  let added = 0;
  const missing = new Set();
  for (const feature of collection.features) {
    for (const commitment of feature.properties.commitments ?? []) {
      let summary = commitment.summary;
      if (summary == null) continue;
      if (typeof summary === "string") summary = { en: summary };
      if (!summary.de && summary.en) {
        const german = table[summary.en];
        if (german) {
          summary = { de: german, en: summary.en };
          added++;
        } else missing.add(summary.en);
      }
      commitment.summary = summary;
    }
  }
  writeFileSync(file, JSON.stringify(collection, null, 2));
  console.log(`${file}: ${added} German summaries added, ${missing.size} English texts not in the table`);
  for (const text of missing) console.log(`  not translated: ${text}`);
}
