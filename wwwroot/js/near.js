// "Near me": on request only, the browser's position (never stored, never sent to the server) or a place the
// reader types (found in the gazetteer through /api/places); the map centres there and a short list names the
// nearest cities among those the filters keep, with their distances. The rule is nearest.js.

import { fetchPlaces } from './api.js';
import { lonLatToLatLng } from './geo.js';
import { formatKm, nearest } from './nearest.js';
import { el } from './text.js';

const L = globalThis.L;

const nearOptions = {
  count: 10,            // cities in the list
  zoom: 9,              // at least this close when centring on the position
  // A position up to five minutes old will do; no more than 15 s of waiting once the reader has allowed it.
  geolocation: { enableHighAccuracy: false, maximumAge: 300_000, timeout: 15_000 },
};

export class NearMe {
  /**
   * @param {{button: HTMLButtonElement, form: HTMLFormElement, input: HTMLInputElement, status: HTMLElement, list: HTMLOListElement}} parts
   * @param {{locale: object, map: object, reason: (error: unknown) => string, reducedMotion: boolean}} context
   * @param {(slug: string) => void} onChoose  opens a city from the list
   */
  constructor(parts, { locale, map, reason, reducedMotion }, onChoose) {
    Object.assign(this, { parts, locale, map, reason, reducedMotion });
    this.cities = [];
    this.origin = null; // { position: [lon, lat], place: string|null }
    this.marker = null;
    parts.button.addEventListener('click', () => this.#locate());
    parts.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#findPlace(parts.input.value.trim());
    });
    parts.list.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-role=open-city]');
      if (button) onChoose(button.closest('[data-city]').dataset.city);
    });
  }

  /** The cities the filters keep now: the list follows them. */
  setCities(features) {
    this.cities = features;
    if (this.origin) this.#showList();
  }

  button(slug) {
    return this.parts.list.querySelector(`[data-city="${CSS.escape(slug)}"] button`);
  }

  #say(text) {
    this.parts.status.textContent = text;
  }

  #locate() {
    const geolocation = globalThis.navigator?.geolocation;
    if (!geolocation) return this.#offerPlace(this.locale.text('near.unavailable'));
    this.#say(this.locale.text('near.locating'));
    this.parts.button.setAttribute('aria-busy', 'true');
    geolocation.getCurrentPosition((found) => {
      this.parts.button.removeAttribute('aria-busy');
      this.#goTo([found.coords.longitude, found.coords.latitude], null);
    }, (error) => {
      this.parts.button.removeAttribute('aria-busy');
      this.#offerPlace(this.locale.text(error?.code === 1 ? 'near.denied' : 'near.unavailable'));
    }, nearOptions.geolocation);
  }

  /** No position from the browser: the reader may type a place instead. */
  #offerPlace(why) {
    this.parts.form.hidden = false;
    this.#say(why);
    this.parts.input.focus();
  }

  async #findPlace(name) {
    if (!name) return this.parts.input.focus();
    this.#say(this.locale.text('near.searching', { place: name }));
    let places;
    try {
      places = (await fetchPlaces(name)).places;
    } catch (error) {
      return this.#say(this.locale.text('near.placeError', { reason: this.reason(error) }));
    }
    const [place] = places;
    if (!place) return this.#say(this.locale.text('near.noPlace', { place: name }));
    const names = [place.name, place.region, this.locale.country(place.country)].filter(Boolean);
    const where = [...new Set(names)].join(', '); // "Bern, Switzerland", not "Bern, Bern, Switzerland"
    this.#goTo([place.longitude, place.latitude], where);
  }

  #goTo(position, place) {
    this.origin = { position, place };
    const latLng = lonLatToLatLng(position[0], position[1]);
    // A plain ring where the list is measured from; the status line says in words what it is.
    this.marker?.remove();
    this.marker = L.circleMarker(latLng, { radius: 7, weight: 3, color: '#1a1a1a', fillColor: '#ffffff', fillOpacity: 1, interactive: false })
      .addTo(this.map);
    const zoom = Math.max(this.map.getZoom(), nearOptions.zoom);
    if (this.reducedMotion) this.map.setView(latLng, zoom);
    else this.map.flyTo(latLng, zoom, { duration: 0.6 });
    this.#showList();
  }

  #showList() {
    const { locale, parts, origin } = this;
    const found = nearest(this.cities, origin.position, nearOptions.count);
    parts.list.replaceChildren(...found.map(({ feature, km }) => el('li', { className: 'near__entry', 'data-city': feature.id },
      el('button', { type: 'button', className: 'near__open', 'data-role': 'open-city' },
        el('span', { className: 'near__name' }, feature.properties.name),
        el('span', { className: 'near__km' }, locale.text('near.distance', { km: formatKm(km, locale.lang) }))),
      el('span', { className: 'near__where' }, locale.place(feature.properties)))));
    parts.list.hidden = found.length === 0;
    if (found.length === 0) this.#say(locale.text('near.none'));
    else this.#say(origin.place ? locale.text('near.nearestTo', { place: origin.place }) : locale.text('near.nearestToYou'));
  }
}
