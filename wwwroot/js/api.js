// Reading the backend's API. Every call throws an ApiError with a readable message on failure.

export class ApiError extends Error {}

async function getJson(url, signal) {
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/geo+json, application/json' }, signal });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(`The server could not be reached (${url}).`);
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new ApiError(problem?.title ?? `The server answered ${response.status} for ${url}.`);
  }
  return response.json();
}

/** The city layer: a FeatureCollection with slim properties (name, country, region, commitments, newsCount). */
export const fetchCities = () => getJson('/api/cities');

/** The catalogue of commitment types, in legend order. */
export const fetchCommitmentTypes = () => getJson('/api/commitment-types');

/** One city with its commitments, networks and news, loaded when it is opened. */
export const fetchCity = (slug, signal) => getJson(`/api/cities/${encodeURIComponent(slug)}`, signal);

/** The tile layer (or null) and where the offline country outlines are. */
export const fetchBasemap = () => getJson('/api/basemap');

export const fetchOutlines = (url) => getJson(url);
