// The text list of the cities that match the filters: an equal alternative to the map. Choosing an entry
// opens the city; the city opened on the map is highlighted here. Long lists grow a page at a time.

import { countryName, el } from './text.js';

const listOptions = { pageSize: 200 };

const collator = new Intl.Collator('de');

/** Name order for the list; sorting once up front keeps filtering cheap with 100,000 cities. */
export const byName = (a, b) => collator.compare(a.properties.name, b.properties.name);

export class CityList {
  /**
   * @param {HTMLOListElement} list
   * @param {HTMLButtonElement} moreButton
   * @param {Map<string, object>} typesByKey
   * @param {(slug: string, origin: HTMLElement) => void} onChoose
   */
  constructor(list, moreButton, typesByKey, onChoose) {
    this.list = list;
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
    this.moreButton.textContent = `Show ${Math.min(rest, listOptions.pageSize)} more of ${rest}`;
  }

  #entry(feature) {
    const city = feature.properties;
    const commitments = city.commitments.map((key) => {
      const type = this.typesByKey.get(key);
      const dot = el('span', { className: 'legend__swatch', 'aria-hidden': 'true' });
      dot.style.background = type?.color ?? '#8a8a8a';
      return el('li', {}, dot, type?.title.en ?? key);
    });
    return el('li', { className: 'city-list__entry', 'data-city': feature.id },
      el('button', { type: 'button', className: 'city-list__open', 'data-role': 'open-city' },
        el('span', { className: 'city-list__name' }, city.name),
        el('span', { className: 'city-list__where' }, [city.region, countryName(city.country)].filter(Boolean).join(', '))),
      commitments.length ? el('ul', { className: 'city-list__commitments', 'aria-label': 'Commitments' }, ...commitments) : null,
      city.newsCount > 0 ? el('p', { className: 'city-list__news' }, city.newsCount === 1 ? '1 news post' : `${city.newsCount} news posts`) : null);
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
