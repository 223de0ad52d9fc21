// Which cities a selection of filters keeps, and the legend's numbers. Pure: no DOM, no Leaflet, so the rule
// lives in one place and Node tests it (tests/js/). A selection is { commitments: string[], countries: string[] };
// an empty list does not filter.

export const noSelection = Object.freeze({ commitments: [], countries: [] });

/**
 * Several types widen (a city needs any of them, as a visitor ticking two types expects both kinds shown);
 * countries narrow. The server's /api/cities filter follows the same rule.
 * @param {{commitments: string[], country: string}} city  a feature's properties
 */
export function matches(city, selection) {
  return (selection.commitments.length === 0 || city.commitments.some((key) => selection.commitments.includes(key)))
    && (selection.countries.length === 0 || selection.countries.includes(city.country));
}

/**
 * The legend's numbers. Each facet is counted with the other facet applied but not itself, so a number says how
 * many cities ticking that entry would add or show: per type among the chosen countries, per country among the
 * chosen types.
 * @param {object[]} features  GeoJSON features from /api/cities
 * @returns {{typeCounts: Map<string, number>, countryCounts: Map<string, number>}}
 */
export function facetCounts(features, selection) {
  const typeCounts = new Map();
  const countryCounts = new Map();
  const onlyCountries = { commitments: [], countries: selection.countries };
  const onlyTypes = { commitments: selection.commitments, countries: [] };
  for (const { properties: city } of features) {
    if (matches(city, onlyCountries)) for (const key of city.commitments) typeCounts.set(key, (typeCounts.get(key) ?? 0) + 1);
    if (matches(city, onlyTypes)) countryCounts.set(city.country, (countryCounts.get(city.country) ?? 0) + 1);
  }
  return { typeCounts, countryCounts };
}

/** Whether two selections keep the same cities in the same order of choice (the URL would read alike). */
export function sameSelection(a, b) {
  return a.commitments.join() === b.commitments.join() && a.countries.join() === b.countries.join();
}

export const isEmpty = (selection) => selection.commitments.length === 0 && selection.countries.length === 0;

/**
 * The cities an explorer works with: those its fixed filter keeps (an embedded map of one country or one kind
 * of commitment). Counts, the list and the search all start from these, so the fixed part can never be reset.
 * @param {object[]} features
 * @param {{commitments: string[], countries: string[]}|null} fixed
 */
export const within = (features, fixed) => (fixed ? features.filter((feature) => matches(feature.properties, fixed)) : features);
