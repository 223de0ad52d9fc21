// The search box: a combobox over the map's own cities (ARIA 1.2 pattern). Accents and case are ignored
// ("zurich" finds Zürich, "osnabrueck" finds Osnabrück); names starting with the query come first, then names
// with a word starting with it. Arrow keys move, Enter chooses, Escape closes.

import { countryName, el, fold, searchKeys } from './text.js';

const searchOptions = { maxSuggestions: 8, minLength: 2 };

export class CitySearch {
  /**
   * @param {HTMLInputElement} input
   * @param {HTMLUListElement} listbox
   * @param {(slug: string) => void} onChoose
   */
  constructor(input, listbox, onChoose) {
    this.input = input;
    this.listbox = listbox;
    this.onChoose = onChoose;
    this.features = [];
    this.index = null;
    this.suggestions = [];
    this.active = -1;
    input.addEventListener('input', () => this.#suggest());
    input.addEventListener('keydown', (event) => this.#onKey(event));
    input.addEventListener('blur', () => setTimeout(() => this.#close(), 150));
    listbox.addEventListener('mousedown', (event) => event.preventDefault()); // keep focus in the input
    listbox.addEventListener('click', (event) => {
      const option = event.target.closest('[role=option]');
      if (option) this.#choose(Number(option.dataset.index));
    });
  }

  /** The cities to search: GeoJSON features from /api/cities. Indexed on first use, not while the map loads. */
  setCities(features) {
    this.features = features;
    this.index = null;
  }

  #suggest() {
    const query = fold(this.input.value.trim());
    if (query.length < searchOptions.minLength) return this.#close();
    this.index ??= this.features.map((feature) => ({ feature, keys: searchKeys(feature.properties.name) }));
    const rank = ({ keys }) => {
      if (keys.some((k) => k.startsWith(query))) return 0;
      if (keys.some((k) => k.split(/[\s\-/()]+/).some((word) => word.startsWith(query)))) return 1;
      return -1;
    };
    this.suggestions = this.index
      .map((entry) => ({ entry, rank: rank(entry) }))
      .filter(({ rank: r }) => r >= 0)
      .sort((a, b) => a.rank - b.rank || a.entry.feature.properties.name.localeCompare(b.entry.feature.properties.name, 'de'))
      .slice(0, searchOptions.maxSuggestions)
      .map(({ entry }) => entry.feature);
    this.active = -1;
    this.#render();
  }

  #render() {
    this.listbox.replaceChildren(...this.suggestions.map((feature, i) => el('li', {
      id: `city-search-option-${i}`, role: 'option', 'data-index': i, 'data-city': feature.id,
      'aria-selected': String(i === this.active), className: 'search__option',
    }, el('span', { className: 'search__name' }, feature.properties.name),
    el('span', { className: 'search__where' }, countryName(feature.properties.country)))));
    if (this.suggestions.length === 0 && this.input.value.trim().length >= searchOptions.minLength) {
      this.listbox.append(el('li', { className: 'search__empty', role: 'presentation' }, 'No city of the map matches.'));
    }
    const open = this.listbox.childElementCount > 0;
    this.listbox.hidden = !open;
    this.input.setAttribute('aria-expanded', String(open));
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `city-search-option-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
  }

  #onKey(event) {
    const count = this.suggestions.length;
    switch (event.key) {
      case 'ArrowDown':
        if (this.listbox.hidden) this.#suggest();
        if (count) this.active = (this.active + 1) % count;
        break;
      case 'ArrowUp':
        if (count) this.active = (this.active - 1 + count) % count;
        break;
      case 'Enter':
        if (count) this.#choose(this.active >= 0 ? this.active : 0);
        break;
      case 'Escape':
        if (this.listbox.hidden) return;
        this.#close();
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation(); // Escape here closes the suggestions, not the city panel
    if (!this.listbox.hidden) this.#render();
  }

  #choose(index) {
    const feature = this.suggestions[index];
    if (!feature) return;
    this.input.value = feature.properties.name;
    this.#close();
    this.onChoose(feature.id);
  }

  #close() {
    this.suggestions = [];
    this.active = -1;
    this.listbox.hidden = true;
    this.listbox.replaceChildren();
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }
}
