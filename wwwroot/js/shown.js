// Parts of the explorer a phone does not show until asked (the list, the legend with its counts and regions, the
// year chart: views.js shows them as views and a sheet) are brought up to date when they come into view, not on
// every change while hidden. A phone's start then draws the map alone: the parts it skipped were half of what
// its main thread did after the cities arrived. Wide screens show them all, and nothing changes there.

/** element → the latest update it is waiting for */
const pending = new Map();

const observer = typeof ResizeObserver === 'function'
  ? new ResizeObserver((entries) => {
    for (const { target } of entries) {
      if (target.getClientRects().length === 0) continue; // still hidden (or hidden again)
      const update = pending.get(target);
      pending.delete(target);
      observer.unobserve(target);
      update?.();
    }
  })
  : null;

/**
 * Runs `update` now if the element is shown, else once it is (the last update asked for wins: each one shows the
 * whole current state). An element is shown when it has a box: display: none on it or an ancestor hides it.
 */
export function whenShown(element, update) {
  if (!observer || element.getClientRects().length > 0) {
    if (pending.delete(element)) observer.unobserve(element);
    update();
    return;
  }
  pending.set(element, update);
  observer.observe(element);
}
