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

/**
 * Whether one commitment satisfies type, status and years together (the same commitment, never one of each),
 * compiled for a selection. A facet's count leaves its own filter out: `ignoreStatuses` skips the status test.
 */
export function itemMatcher(s, { ignoreStatuses = false } = {}) {
  const types = s.commitments.length ? new Set(s.commitments) : null;
  const statuses = ignoreStatuses ? null : new Set(s.statuses.length ? s.statuses : liveStatuses);
  const years = hasYears(s);
  const from = s.from ?? -Infinity;
  const to = s.to ?? Infinity;
  const undated = s.undated;
  return ([type, status, year]) => (types === null || types.has(type))
    && (statuses === null || statuses.has(status))
    && (!years || (year === null || year === undefined ? undated : year >= from && year <= to));
}

/** Whether a city lies in the selection's countries and regions. */
export function placeMatcher(s) {
  const countries = s.countries.length ? new Set(s.countries) : null;
  const regions = s.regions.length ? new Set(s.regions) : null;
  return (city) => (countries === null || countries.has(city.country))
    && (regions === null || (city.region != null && regions.has(city.region)));
}

/**
 * The rule for one selection, as a function of a city's properties: read the selection once, then test
 * 100,000 cities without re-reading it. Several types, statuses, countries or regions widen within their
 * filter; different filters narrow. Without a status filter only live commitments count: revoked and rejected
 * ones match nothing unless asked for.
 * @returns {(city: {items?: Array, commitments?: string[], country: string, region?: string|null}) => boolean}
 */
export function matcher(selection) {
  const s = complete(selection);
  const inPlace = placeMatcher(s);
  const item = itemMatcher(s);
  const byItems = filtersCommitments(s);
  return (city) => inPlace(city) && (!byItems || itemsOf(city).some(item));
}

/** Whether a city (a feature's properties) matches the selection: `matcher(selection)(city)`. */
export const matches = (city, selection) => matcher(selection)(city);

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
  const inPlace = placeMatcher(s);
  const typeItem = itemMatcher({ ...s, commitments: [] });
  // Statuses are counted among the chosen types and years, every status on its own (revoked ones too).
  const statusItem = itemMatcher(s, { ignoreStatuses: true });
  // Countries are counted without the place filters, regions within the chosen countries: both ask the same of
  // the commitments, so that is asked once per city.
  const byItems = filtersCommitments(s);
  const item = itemMatcher(s);
  const countries = s.countries.length ? new Set(s.countries) : null;
  const seen = new Set();
  for (const { properties: city } of features) {
    const committed = !byItems || itemsOf(city).some(item);
    if (committed) {
      add(countryCounts, city.country);
      if (city.region != null && (countries === null || countries.has(city.country))) add(regionCounts, city.region);
    }
    if (inPlace(city)) {
      const items = itemsOf(city);
      seen.clear();
      for (const item of items) if (!seen.has(item[0]) && typeItem(item)) { seen.add(item[0]); add(typeCounts, item[0]); }
      seen.clear();
      for (const item of items) if (!seen.has(item[1]) && statusItem(item)) { seen.add(item[1]); add(statusCounts, item[1]); }
    }
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
export function within(features, fixed) {
  if (!fixed) return features;
  const keeps = matcher(fixed);
  return features.filter((feature) => keeps(feature.properties));
}
