// The URL state (url-state.js) in the browser's location and history. Filter and city changes push an entry,
// so back and forward step through selections; panning and zooming only replace the current one.

import { parseState, toSearch } from './url-state.js';

/** The state the address bar holds now. */
export const readState = () => parseState(location.search);

function write(state, method) {
  const url = `${location.pathname}${toSearch(state)}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history[method](state, '', url);
}

/** A new history entry: a selection or filter change the back button should undo. */
export const pushState = (state) => write(state, 'pushState');

/** Updates the current entry: the view moves too often to be worth a back step each. */
export const replaceState = (state) => write(state, 'replaceState');

/** Calls back with the state a back/forward step lands on. */
export function onHistoryStep(callback) {
  addEventListener('popstate', () => callback(readState()));
}
