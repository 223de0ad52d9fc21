// The text list of the cities that match the filters: an equal alternative to the map. Choosing an entry
// opens the city; the city opened on the map is highlighted here. Long lists grow a page at a time.

import { el } from './text.js';

const listOptions = { pageSize: 50 };

/** Name order for the list, the reader's way; sorting once up front keeps filtering cheap with 100,000 cities. */
export const byName = (locale) => (a, b) => locale.compare(a.properties.name, b.properties.name);

export class CityList {
  /**
   * @param {HTMLOListElement} list
   * @param {HTMLButtonElement} moreButton
   * @param {Map<string, object>} typesByKey
   * @param {ReturnType<import('./locale.js').createLocale>} locale
   * @param {(slug: string, origin: HTMLElement) => void} onChoose
   */
  constructor(list, moreButton, typesByKey, locale, onChoose) {
    this.list = list;
    this.locale = locale;
    this.moreButton = moreButton;
    this.typesByKey = typesByKey;
    this.cities = [];
    this.shown = 0;
    this.selected = null;
    list.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-role=open-city]');
      if (button) onChoose(button.closest('[data-city]').dataset.city, button);
    });
    moreButton.addEventListener('click', () => this.#showMore());
  }

  /** Replaces the entries with these cities: already filtered and in name order (see byName). */
  show(cities) {
    this.cities = cities;
    this.shown = 0;
    this.list.replaceChildren();
    this.#showMore();
    if (this.selected) this.highlight(this.selected, { scroll: false });
  }

  #showMore() {
    const next = this.cities.slice(this.shown, this.shown + listOptions.pageSize);
    this.list.append(...next.map((feature) => this.#entry(feature)));
    this.shown += next.length;
    const rest = this.cities.length - this.shown;
    this.moreButton.hidden = rest <= 0;
    this.moreButton.textContent = this.locale.plural('list.more', rest, { next: Math.min(rest, listOptions.pageSize) });
  }

  #entry(feature) {
    const { locale } = this;
    const city = feature.properties;
    const commitments = city.commitments.map((key) => {
      const type = this.typesByKey.get(key);
      const dot = el('span', { className: 'legend__swatch', 'aria-hidden': 'true' });
      dot.style.background = type?.color ?? '#8a8a8a';
      const title = locale.pick(type?.title);
      return el('li', { lang: title.lang }, dot, title.text || key);
    });
    return el('li', { className: 'city-list__entry', 'data-city': feature.id },
      el('button', { type: 'button', className: 'city-list__open', 'data-role': 'open-city' },
        el('span', { className: 'city-list__name' }, city.name),
        el('span', { className: 'city-list__where' }, locale.place(city))),
      commitments.length ? el('ul', { className: 'city-list__commitments', 'aria-label': locale.text('list.commitments') }, ...commitments) : null,
      city.newsCount > 0 ? el('p', { className: 'city-list__news' }, locale.plural('list.news', city.newsCount)) : null);
  }

  /** Marks the open city (null: none); pages further if it is not shown yet. */
  highlight(slug, { scroll = true } = {}) {
    this.selected = slug;
    this.list.querySelector('[aria-current]')?.removeAttribute('aria-current');
    if (!slug) return;
    const index = this.cities.findIndex((f) => f.id === slug);
    if (index < 0) return;
    while (this.shown <= index) this.#showMore();
    const entry = this.entry(slug);
    entry.setAttribute('aria-current', 'true');
    if (scroll) entry.scrollIntoView({ block: 'nearest' });
  }

  entry(slug) {
    return this.list.querySelector(`[data-city="${CSS.escape(slug)}"]`);
  }

  button(slug) {
    return this.entry(slug)?.querySelector('button[data-role=open-city]') ?? null;
  }
}
