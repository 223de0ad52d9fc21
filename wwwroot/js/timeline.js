// The movement over time: how many commitments were made each year, by type, among the cities the other filters
// keep, and the steps of the "play" control. Pure: no DOM, tested in Node. The numbers are the ones the
// statistics will show: live commitments (announced, decided, implemented) counted in the year of their date.

import { complete, liveStatuses, matcher } from './selection.js';

/**
 * Commitments per year and type among the cities the selection keeps, the selection's years aside (the chart
 * shows every year; the range is marked on it). A commitment counts when it matches the selection's types and
 * statuses itself, so "sea rescue" counts sea-rescue commitments, not every commitment of those cities.
 * @returns {{years: number[], counts: Map<number, Map<string, number>>, max: number}}
 */
export function commitmentsPerYear(features, selection, bounds) {
  const s = { ...complete(selection), from: null, to: null, undated: false };
  const keeps = matcher(s);
  const counts = new Map();
  for (let year = bounds.min; year <= bounds.max; year++) counts.set(year, new Map());
  for (const { properties: city } of features) {
    if (!keeps(city)) continue;
    for (const [type, status, year] of city.items ?? []) {
      if (typeof year !== 'number' || !counts.has(year)) continue;
      if (s.commitments.length && !s.commitments.includes(type)) continue;
      if (s.statuses.length ? !s.statuses.includes(status) : !liveStatuses.includes(status)) continue;
      const perType = counts.get(year);
      perType.set(type, (perType.get(type) ?? 0) + 1);
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
