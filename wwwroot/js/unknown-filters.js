// A map address may name filters the map does not know: a type key mistyped or renamed, a country without
// cities. They are left out (rather than showing an empty map without a word) and named in a notice with the
// closest thing the map knows. Pure: tested in Node.

import { fold } from './text.js';

/** Edit distance between two short strings (Levenshtein), for "did you mean". */
export function distance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The candidate closest to `value`, or null when none is close: a candidate whose key or label starts with the
 * value (or the other way round) wins; else the smallest edit distance within a third of the value's length (at least 1).
 * @param {string} value
 * @param {{value: string, labels: string[]}[]} candidates
 */
export function closest(value, candidates) {
  const typed = fold(value).replace(/[^a-z0-9]+/g, ' ').trim();
  if (!typed) return null;
  let best = null;
  for (const candidate of candidates) {
    for (const label of [candidate.value, ...candidate.labels]) {
      const known = fold(label).replace(/[^a-z0-9]+/g, ' ').trim();
      const score = known.startsWith(typed) || typed.startsWith(known) ? 0 : distance(typed, known);
      if (!best || score < best.score) best = { score, candidate };
    }
  }
  return best && best.score <= Math.max(1, Math.floor(typed.length / 3)) ? best.candidate : null;
}

/**
 * Splits a state's filters into what the map knows and what it does not.
 * @param {{commitments: string[], statuses: string[], countries: string[]}} state
 * @param {{commitments: {value: string, labels: string[]}[], statuses: {value: string, labels: string[]}[], countries: {value: string, labels: string[]}[]}} known
 * @returns {{state: object, unknown: {filter: string, value: string, suggestion: {value: string, labels: string[]}|null}[]}}
 */
export function sortOutUnknown(state, known) {
  const unknown = [];
  const keep = (filter) => (state[filter] ?? []).filter((value) => {
    if (known[filter].some((candidate) => candidate.value === value)) return true;
    unknown.push({ filter, value, suggestion: closest(value, known[filter]) });
    return false;
  });
  const next = { ...state, commitments: keep('commitments'), statuses: keep('statuses'), countries: keep('countries') };
  return { state: next, unknown };
}
