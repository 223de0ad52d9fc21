// The search box: finds the map's own cities. Accents and case are ignored ("zurich" finds Zürich, "osnabrueck"
// finds Osnabrück); names starting with the query come first, then names with a word starting with it. The
// keyboard and ARIA handling is the shared combobox's (combobox.js).

import { Combobox } from './combobox.js';
import { el, fold, searchKeys } from './text.js';

const searchOptions = { maxSuggestions: 8, minLength: 2 };

export class CitySearch {
  /**
   * @param {HTMLInputElement} input
   * @param {HTMLUListElement} listbox
   * @param {ReturnType<import('./locale.js').createLocale>} locale
   * @param {(slug: string) => void} onChoose
   */
  constructor(input, listbox, locale, onChoose) {
    this.input = input;
    this.locale = locale;
    this.features = [];
    this.index = null;
    this.combobox = new Combobox(input, listbox, {
      idPrefix: `${input.id}-option`, // ids must be unique in the page: the input's own is
      renderOption: (feature) => el('li', { 'data-city': feature.id, className: 'search__option' },
        el('span', { className: 'search__name' }, feature.properties.name),
        el('span', { className: 'search__where' }, locale.country(feature.properties.country))),
      onChoose: (feature) => {
        input.value = feature.properties.name;
        onChoose(feature.id);
      },
      onReopen: () => this.#suggest(),
    });
    input.addEventListener('input', () => this.#suggest());
    // Later than a click on an option, which must still find the list open.
    input.addEventListener('blur', () => setTimeout(() => this.combobox.close(), 150));
  }

  /** The cities to search: GeoJSON features from /api/cities. Indexed on first use, not while the map loads. */
  setCities(features) {
    this.features = features;
    this.index = null;
  }

  #suggest() {
    const query = fold(this.input.value.trim());
    if (query.length < searchOptions.minLength) return this.combobox.close();
    this.index ??= this.features.map((feature) => ({ feature, keys: searchKeys(feature.properties.name) }));
    const rank = ({ keys }) => {
      if (keys.some((k) => k.startsWith(query))) return 0;
      if (keys.some((k) => k.split(/[\s\-/()]+/).some((word) => word.startsWith(query)))) return 1;
      return -1;
    };
    const suggestions = this.index
      .map((entry) => ({ entry, rank: rank(entry) }))
      .filter(({ rank: r }) => r >= 0)
      .sort((a, b) => a.rank - b.rank || this.locale.compare(a.entry.feature.properties.name, b.entry.feature.properties.name))
      .slice(0, searchOptions.maxSuggestions)
      .map(({ entry }) => entry.feature);
    this.combobox.show(suggestions, el('li', { className: 'search__empty', role: 'presentation' }, this.locale.text('search.none')));
  }
}
