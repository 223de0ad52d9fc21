// Reading the backend's API. Every call throws an ApiError on failure; it says what went wrong in data (kind,
// status, url, the server's own problem title), and whoever shows it words it in the reader's language.

export class ApiError extends Error {
  /**
   * @param {'unreachable'|'status'} kind  no answer at all, or an answer that is not a success
   * @param {{url: string, status?: number, title?: string}} details  title: the problem's own (RFC 9457)
   */
  constructor(kind, details) {
    super(`${kind} ${details.status ?? ''} ${details.url}`); // for the console; people see the caller's words
    this.kind = kind;
    Object.assign(this, details);
  }
}

async function getJson(url, signal) {
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/geo+json, application/json' }, signal });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError('unreachable', { url });
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new ApiError('status', { url, status: response.status, title: typeof problem?.title === 'string' ? problem.title : undefined });
  }
  return response.json();
}

/** The city layer: a FeatureCollection with slim properties (name, country, region, commitments, newsCount). */
export const fetchCities = () => getJson('/api/cities');

/** The catalogue of commitment types, in legend order. */
export const fetchCommitmentTypes = () => getJson('/api/commitment-types');

/** One city with its commitments, networks and news, loaded when it is opened. */
export const fetchCity = (slug, signal) => getJson(`/api/cities/${encodeURIComponent(slug)}`, signal);

/** Gazetteer places by name, the best matches first: { places: [{ name, country, region, longitude, latitude }] }. */
export const fetchPlaces = (name) => getJson(`/api/places?q=${encodeURIComponent(name)}`);

/** The tile layer (or null) and where the offline country outlines are. */
export const fetchBasemap = () => getJson('/api/basemap');

export const fetchOutlines = (url) => getJson(url);
