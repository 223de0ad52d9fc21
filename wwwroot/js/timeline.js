// The movement over time: how many commitments were made each year, by type, among the cities the other filters
// keep, and the steps of the "play" control. Pure: no DOM, tested in Node. The numbers are the ones the
// statistics will show: live commitments (announced, decided, implemented) counted in the year of their date.

import { complete, itemMatcher, placeMatcher } from './selection.js';

/**
 * Commitments per year and type among the cities the selection keeps, the selection's years aside (the chart
 * shows every year; the range is marked on it). A commitment counts when it matches the selection's types and
 * statuses itself, so "sea rescue" counts sea-rescue commitments, not every commitment of those cities.
 * @returns {{years: number[], counts: Map<number, Map<string, number>>, max: number}}
 */
export function commitmentsPerYear(features, selection, bounds) {
  const s = { ...complete(selection), from: null, to: null, undated: false };
  // A city the selection keeps is one in its places with a commitment that matches: counting exactly the matching
  // commitments of the cities in place counts the same, in one pass.
  const inPlace = placeMatcher(s);
  const counted = itemMatcher(s);
  const counts = new Map();
  for (let year = bounds.min; year <= bounds.max; year++) counts.set(year, new Map());
  for (const { properties: city } of features) {
    if (!inPlace(city)) continue;
    for (const item of city.items ?? []) {
      const year = item[2];
      if (typeof year !== 'number' || !counts.has(year) || !counted(item)) continue;
      const perType = counts.get(year);
      perType.set(item[0], (perType.get(item[0]) ?? 0) + 1);
    }
  }
  let max = 0;
  for (const perType of counts.values()) max = Math.max(max, [...perType.values()].reduce((a, b) => a + b, 0));
  return { years: [...counts.keys()], counts, max };
}

/** The year after `year` in a play-through, or null at the end; a play starts at the first year. */
export function nextYear(year, bounds) {
  if (year === null || year === undefined) return bounds.min;
  return year < bounds.max ? year + 1 : null;
}

/** One step back, never before the first year. */
export const previousYear = (year, bounds) => (year === null || year === undefined ? bounds.max : Math.max(bounds.min, year - 1));
