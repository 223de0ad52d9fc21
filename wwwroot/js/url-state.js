// What the page shows, as the URL writes it, so a reload or a shared link restores it:
//   ?commitment=a,b &status=decided,revoked &from=2019 &to=2021 &undated=true &country=DE,CH &region=Bayern
//   &city=<slug> &view=<zoom>/<lat>/<lng>
// The filter names are GET /api/cities's, with the same meaning.
// Pure (no window, no Leaflet): history.js does the reading and writing of location and history.

const list = (value) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** A year as the API takes it (four digits), or null: a hand-edited URL must not throw. */
const year = (value) => (/^\d{4}$/.test(value ?? '') ? Number(value) : null);

/** @returns {{commitments: string[], statuses: string[], countries: string[], regions: string[], from: number|null, to: number|null, undated: boolean, city: string|null, view: string|null}} */
export function parseState(search) {
  const params = new URLSearchParams(search);
  return {
    commitments: list(params.get('commitment')),
    statuses: list(params.get('status')).map((s) => s.toLowerCase()),
    countries: list(params.get('country')).map((c) => c.toUpperCase()),
    regions: list(params.get('region')),
    from: year(params.get('from')),
    to: year(params.get('to')),
    undated: params.get('undated') === 'true',
    city: params.get('city') || null,
    view: params.get('view') || null,
  };
}

/** The query string for a state ('' when there is nothing to say); parseState reads it back. */
export function toSearch(state) {
  const params = new URLSearchParams();
  if (state.commitments?.length) params.set('commitment', state.commitments.join(','));
  if (state.statuses?.length) params.set('status', state.statuses.join(','));
  if (state.from != null) params.set('from', String(state.from));
  if (state.to != null) params.set('to', String(state.to));
  if (state.undated && (state.from != null || state.to != null)) params.set('undated', 'true');
  if (state.countries?.length) params.set('country', state.countries.join(','));
  if (state.regions?.length) params.set('region', state.regions.join(','));
  if (state.city) params.set('city', state.city);
  if (state.view) params.set('view', state.view);
  // Commas and slashes read better unescaped and are legal in a query string.
  const search = params.toString().replace(/%2C/g, ',').replace(/%2F/g, '/');
  return search ? `?${search}` : '';
}

/** Map view as it appears in the URL: zoom/latitude/longitude, 4 decimals (about 10 m). */
export function formatView(center, zoom) {
  return `${zoom}/${center.lat.toFixed(4)}/${center.lng.toFixed(4)}`;
}

/**
 * Parses formatView's output; null when it is not a valid view (a hand-edited URL must not throw).
 * @returns {{center: [number, number], zoom: number}|null}  center as [lat, lng], which Leaflet's setView takes
 */
export function parseView(text) {
  const parts = (text ?? '').split('/').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [zoom, latitude, longitude] = parts;
  if (zoom < 0 || zoom > 22 || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return { center: [latitude, longitude], zoom };
}
