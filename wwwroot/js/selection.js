// Which cities a selection of filters keeps, and the legend's numbers. Pure: no DOM, no Leaflet. The server's
// rule (Cities/CitySelection.cs) is the same; both are run against one table of cases (tests/selection-cases.json),
// so the map and GET /api/cities cannot drift apart.
//
// A selection is { commitments, statuses, countries, regions: string[], from, to: number|null, undated: boolean };
// a missing or empty list does not filter. A city's properties carry items: [type, status, year|null] per
// commitment (and commitments: its live types, which colour its marker).

export const liveStatuses = Object.freeze(['announced', 'decided', 'implemented']);
export const allStatuses = Object.freeze([...liveStatuses, 'revoked', 'rejected']);

export const noSelection = Object.freeze({
  commitments: [], statuses: [], countries: [], regions: [], from: null, to: null, undated: false,
});

/** A selection with every field, whatever the caller gave (older callers name only commitments and countries). */
export function complete(selection) {
  return {
    commitments: selection?.commitments ?? [],
    statuses: selection?.statuses ?? [],
    countries: selection?.countries ?? [],
    regions: selection?.regions ?? [],
    from: selection?.from ?? null,
    to: selection?.to ?? null,
    undated: selection?.undated === true,
  };
}

/** A city's commitments as [type, status, year]; a city from an older layer without items counts its types as live. */
const itemsOf = (city) => city.items ?? (city.commitments ?? []).map((type) => [type, 'decided', null]);

const hasYears = (s) => s.from !== null || s.to !== null;
const filtersCommitments = (s) => s.commitments.length > 0 || s.statuses.length > 0 || hasYears(s);

/** Whether one commitment satisfies type, status and years together (the same commitment, never one of each). */
function itemMatches([type, status, year], s) {
  if (s.commitments.length && !s.commitments.includes(type)) return false;
  if (s.statuses.length ? !s.statuses.includes(status) : !liveStatuses.includes(status)) return false;
  if (!hasYears(s)) return true;
  if (year === null || year === undefined) return s.undated;
  return (s.from === null || year >= s.from) && (s.to === null || year <= s.to);
}

/**
 * Several types, statuses, countries or regions widen within their filter; different filters narrow. Without a
 * status filter only live commitments count: revoked and rejected ones match nothing unless asked for.
 * @param {{items?: Array, commitments?: string[], country: string, region?: string|null}} city  a feature's properties
 */
export function matches(city, selection) {
  const s = complete(selection);
  return (s.countries.length === 0 || s.countries.includes(city.country))
    && (s.regions.length === 0 || (city.region != null && s.regions.includes(city.region)))
    && (!filtersCommitments(s) || itemsOf(city).some((item) => itemMatches(item, s)));
}

const add = (counts, key) => counts.set(key, (counts.get(key) ?? 0) + 1);

/**
 * The legend's numbers. Each facet is counted with every other filter applied but not its own, so a number
 * says how many cities ticking that entry would show: per type, per status, per country, per region. A city
 * counts once per entry, however many of its commitments qualify.
 * @param {object[]} features  GeoJSON features from /api/cities
 */
export function facetCounts(features, selection) {
  const s = complete(selection);
  const typeCounts = new Map();
  const statusCounts = new Map();
  const countryCounts = new Map();
  const regionCounts = new Map();
  const withoutTypes = { ...s, commitments: [] };
  const withoutStatuses = { ...s, statuses: [] };
  const withoutCountries = { ...s, countries: [], regions: [] };
  const withoutRegions = { ...s, regions: [] };
  const place = (city, sel) => (sel.countries.length === 0 || sel.countries.includes(city.country))
    && (sel.regions.length === 0 || (city.region != null && sel.regions.includes(city.region)));
  for (const { properties: city } of features) {
    const items = itemsOf(city);
    if (place(city, s)) {
      const types = new Set(items.filter((item) => itemMatches(item, withoutTypes)).map(([type]) => type));
      for (const type of types) add(typeCounts, type);
      // Statuses are counted among the chosen types and years, every status on its own (revoked ones too).
      const statuses = new Set(items.filter((item) => itemMatches(item, { ...withoutStatuses, statuses: [item[1]] })).map(([, status]) => status));
      for (const status of statuses) add(statusCounts, status);
    }
    if (matches(city, withoutCountries)) add(countryCounts, city.country);
    if (city.region != null && matches(city, withoutRegions)) add(regionCounts, city.region);
  }
  return { typeCounts, statusCounts, countryCounts, regionCounts };
}

/**
 * The years a range can span: from the first dated commitment to this year.
 * @returns {{min: number, max: number}}
 */
export function yearBounds(features, thisYear = new Date().getFullYear()) {
  let min = thisYear;
  for (const { properties: city } of features) {
    for (const [, , year] of itemsOf(city)) if (typeof year === 'number' && year < min) min = year;
  }
  return { min, max: Math.max(min, thisYear) };
}

/** The regions of the chosen countries (all countries when none is chosen), as they occur in the data. */
export function regionsOf(features, countries) {
  const regions = new Set();
  for (const { properties: city } of features) {
    if (city.region && (countries.length === 0 || countries.includes(city.country))) regions.add(city.region);
  }
  return [...regions];
}

/** Whether two selections keep the same cities in the same order of choice (the URL would read alike). */
export function sameSelection(a, b) {
  const x = complete(a);
  const y = complete(b);
  return x.commitments.join() === y.commitments.join() && x.countries.join() === y.countries.join()
    && x.statuses.join() === y.statuses.join() && x.regions.join() === y.regions.join()
    && x.from === y.from && x.to === y.to && x.undated === y.undated;
}

export const isEmpty = (selection) => sameSelection(selection, noSelection);

/**
 * The cities an explorer works with: those its fixed filter keeps (an embedded map of one country or one kind
 * of commitment). Counts, the list and the search all start from these, so the fixed part can never be reset.
 * @param {object[]} features
 * @param {object|null} fixed  a selection
 */
export const within = (features, fixed) => (fixed ? features.filter((feature) => matches(feature.properties, fixed)) : features);
