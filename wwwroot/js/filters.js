// The legend, which doubles as the filter: one checkbox per commitment type (its colour, title and how many
// of the cities shown have it), a country choice, and reset. Several types widen the result (any of them);
// a country narrows it.

import { countryName, el } from './text.js';

export class Filters {
  /**
   * @param {HTMLElement} root       the filter form
   * @param {object[]} types         /api/commitment-types, in legend order
   * @param {string[]} countries     ISO codes present in the data
   * @param {(selection: {commitments: string[], countries: string[]}) => void} onChange
   */
  constructor(root, types, countries, onChange) {
    this.root = root;
    this.onChange = onChange;
    this.typeList = root.querySelector('[data-role=commitment-types]');
    this.countrySelect = root.querySelector('[data-role=country]');
    this.resetButton = root.querySelector('[data-role=reset]');

    this.checkboxes = new Map();
    this.typeCounts = new Map();
    this.typeList.replaceChildren(...types.map((type) => this.#typeEntry(type)));

    this.countryOptions = new Map();
    this.countrySelect.replaceChildren(el('option', { value: '' }, 'All countries'),
      ...countries
        .map((code) => ({ code, name: countryName(code) }))
        .sort((a, b) => a.name.localeCompare(b.name, 'en'))
        .map(({ code, name }) => {
          const option = el('option', { value: code }, name);
          this.countryOptions.set(code, { option, name });
          return option;
        }));

    this.typeList.addEventListener('change', () => this.onChange(this.selection));
    this.countrySelect.addEventListener('change', () => this.onChange(this.selection));
    this.resetButton.addEventListener('click', () => {
      this.set({ commitments: [], countries: [] });
      this.onChange(this.selection);
    });
  }

  #typeEntry(type) {
    const checkbox = el('input', { type: 'checkbox', value: type.key, name: 'commitment' });
    const swatch = el('span', { className: 'legend__swatch', 'aria-hidden': 'true' });
    swatch.style.background = type.color;
    const count = el('span', { className: 'legend__count' });
    this.checkboxes.set(type.key, checkbox);
    this.typeCounts.set(type.key, count);
    return el('li', { 'data-type': type.key },
      el('label', { className: 'legend__entry', title: type.description.en }, checkbox, swatch,
        el('span', { className: 'legend__title' }, type.title.en), count));
  }

  get selection() {
    const commitments = [...this.checkboxes].filter(([, box]) => box.checked).map(([key]) => key);
    const country = this.countrySelect.value;
    return { commitments, countries: country ? [country] : [] };
  }

  /** Shows a selection (from the URL) without reporting it back as a change. */
  set({ commitments, countries }) {
    for (const [key, box] of this.checkboxes) box.checked = commitments.includes(key);
    this.countrySelect.value = countries.length === 1 && this.countryOptions.has(countries[0]) ? countries[0] : '';
    this.resetButton.disabled = commitments.length === 0 && countries.length === 0;
  }

  /** Facet counts: per type, the cities of the chosen country that have it; per country, those matching the types. */
  showCounts(typeCounts, countryCounts) {
    for (const [key, count] of this.typeCounts) count.textContent = String(typeCounts.get(key) ?? 0);
    for (const [code, { option, name }] of this.countryOptions) option.textContent = `${name} (${countryCounts.get(code) ?? 0})`;
  }
}
