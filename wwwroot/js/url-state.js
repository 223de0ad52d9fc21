// What the page shows, kept in the URL so a reload or a shared link restores it and back/forward step
// through selections:  ?commitment=a,b  &country=DE  &city=<slug>  &view=<zoom>/<lat>/<lng>
// Filter and city changes push a history entry; panning and zooming only replace the current one.

const list = (value) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** @returns {{commitments: string[], countries: string[], city: string|null, view: string|null}} */
export function readState(search = location.search) {
  const params = new URLSearchParams(search);
  return {
    commitments: list(params.get('commitment')),
    countries: list(params.get('country')).map((c) => c.toUpperCase()),
    city: params.get('city') || null,
    view: params.get('view') || null,
  };
}

export function toSearch(state) {
  const params = new URLSearchParams();
  if (state.commitments.length) params.set('commitment', state.commitments.join(','));
  if (state.countries.length) params.set('country', state.countries.join(','));
  if (state.city) params.set('city', state.city);
  if (state.view) params.set('view', state.view);
  // Commas and slashes read better unescaped and are legal in a query string.
  const search = params.toString().replace(/%2C/g, ',').replace(/%2F/g, '/');
  return search ? `?${search}` : '';
}

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
