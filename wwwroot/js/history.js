// Where an explorer keeps its state (url-state.js). The full map keeps it in the address bar: filter and city
// changes push an entry, so back and forward step through selections; panning and zooming only replace the
// current one. An embedded map must leave the host page's address alone, so it keeps its state to itself.

import { parseState, toSearch } from './url-state.js';

function write(state, method) {
  const url = `${location.pathname}${toSearch(state)}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history[method](state, '', url);
}

// Writing history is a round trip to the browser process (10–50 ms in a busy headless Chromium): writes wait
// until the new selection has been painted, then happen in the order they were asked for. While some wait, the
// page's root element carries data-address-pending (tests read the address once it is gone).
let queue = [];

function flush() {
  const writes = queue;
  queue = [];
  for (const [state, method] of writes) write(state, method);
  delete document.documentElement.dataset.addressPending;
}

function schedule(state, method) {
  const last = queue.at(-1);
  if (last && last[1] === 'replaceState' && method === 'replaceState') last[0] = { ...state };
  else queue.push([{ ...state }, method]);
  if (queue.length === 1 && !document.documentElement.dataset.addressPending) {
    document.documentElement.dataset.addressPending = '';
    requestAnimationFrame(() => setTimeout(flush));
  }
}

/** The address bar and the browser's history. */
export const addressBar = Object.freeze({
  /** The state the address bar holds now. */
  read: () => parseState(location.search),
  /** A new history entry: a selection or filter change the back button should undo. */
  push: (state) => schedule(state, 'pushState'),
  /** Updates the current entry: the view moves too often to be worth a back step each. */
  replace: (state) => schedule(state, 'replaceState'),
  /** Calls back with the state a back/forward step lands on. */
  onStep: (callback) => addEventListener('popstate', () => callback(parseState(location.search))),
});

/** The address read once at the start and never written: an embed follows its own ?commitment=… but adds no history. */
export const addressOnly = Object.freeze({
  read: () => parseState(location.search),
  push: () => {},
  replace: () => {},
  onStep: () => {},
});

/** No address bar: every explorer starts from nothing and there are no steps back. */
export const noAddressBar = Object.freeze({
  read: () => parseState(''),
  push: () => {},
  replace: () => {},
  onStep: () => {},
});
