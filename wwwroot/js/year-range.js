// The two handles of the year range, as numbers: which years they choose and how one pushes the other. Pure,
// tested in Node; filters.js puts them on two range inputs (keyboard, touch and mouse come with the element).

/**
 * The years two handles choose: a handle at its end of the range chooses nothing ("from the first", "up to now"),
 * so the full range is no filter and a shared link stays short.
 * @returns {{from: number|null, to: number|null}}
 */
export function chosenYears(fromValue, toValue, bounds) {
  const from = Number(fromValue);
  const to = Number(toValue);
  return { from: from > bounds.min ? from : null, to: to < bounds.max ? to : null };
}

/**
 * Where the handles stand after one moved: a handle pushed past the other takes it along, so the range is never
 * empty; values outside the bounds come back inside.
 * @param {'from'|'to'} moved
 * @returns {{from: number, to: number}}
 */
export function pushApart(moved, fromValue, toValue, bounds) {
  const clamp = (n) => Math.min(Math.max(Number(n), bounds.min), bounds.max);
  let from = clamp(fromValue);
  let to = clamp(toValue);
  if (from > to) {
    if (moved === 'from') to = from;
    else from = to;
  }
  return { from, to };
}

/** Where the handles stand for a selection's years (from the URL): missing ends at the bounds, inside them. */
export function handlesFor(selection, bounds) {
  return pushApart('to', selection.from ?? bounds.min, selection.to ?? bounds.max, bounds);
}
