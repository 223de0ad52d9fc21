// The legend, which doubles as the filter: one checkbox per commitment type (its colour, title and how many
// of the cities shown have it), a country choice, and reset. The rule itself is selection.js's.

import { countriesOf, countryValue, extraCountryOption } from './country-choice.js';
import { noSelection } from './selection.js';
import { el } from './text.js';

export class Filters {
  /**
   * @param {HTMLElement} root       holds [data-role=commitment-types], [data-role=country] and [data-role=reset]
   * @param {object[]} types         /api/commitment-types, in legend order
   * @param {string[]} countries     ISO codes present in the data
   * @param {ReturnType<import('./locale.js').createLocale>} locale
   * @param {(selection: {commitments: string[], countries: string[]}) => void} onChange
   */
  constructor(root, types, countries, locale, onChange) {
    this.root = root;
    this.locale = locale;
    this.onChange = onChange;
    this.typeList = root.querySelector('[data-role=commitment-types]');
    this.countrySelect = root.querySelector('[data-role=country]');
    this.resetButton = root.querySelector('[data-role=reset]');

    this.checkboxes = new Map();
    this.typeCounts = new Map();
    this.typeList.replaceChildren(...types.map((type) => this.#typeEntry(type)));

    this.countryOptions = new Map();
    this.extraCountry = null; // { option, codes } while the selection holds countries no single option stands for
    this.countrySelect.replaceChildren(el('option', { value: '' }, locale.text('filters.allCountries')),
      ...countries
        .map((code) => ({ code, name: locale.country(code) }))
        .sort((a, b) => locale.compare(a.name, b.name))
        .map(({ code, name }) => {
          const option = el('option', { value: code }, name);
          this.countryOptions.set(code, { option, name });
          return option;
        }));

    this.typeList.addEventListener('change', () => this.onChange(this.selection));
    this.countrySelect.addEventListener('change', () => this.onChange(this.selection));
    this.resetButton.addEventListener('click', () => {
      this.set(noSelection);
      this.onChange(this.selection);
    });
  }

  #typeEntry(type) {
    const { locale } = this;
    const checkbox = el('input', { type: 'checkbox', value: type.key, name: 'commitment' });
    const swatch = el('span', { className: 'legend__swatch', 'aria-hidden': 'true' });
    swatch.style.background = type.color;
    const count = el('span', { className: 'legend__count' });
    this.checkboxes.set(type.key, checkbox);
    this.typeCounts.set(type.key, count);
    const title = locale.pick(type.title);
    return el('li', { 'data-type': type.key },
      el('label', { className: 'legend__entry', title: locale.pick(type.description).text }, checkbox, swatch,
        el('span', { className: 'legend__title', lang: title.lang }, title.text || type.key), count));
  }

  get selection() {
    const commitments = [...this.checkboxes].filter(([, box]) => box.checked).map(([key]) => key);
    return { commitments, countries: countriesOf(this.countrySelect.value) };
  }

  /** Shows a selection (from the URL) without reporting it back as a change. */
  set({ commitments, countries }) {
    for (const [key, box] of this.checkboxes) box.checked = commitments.includes(key);
    this.#showExtraCountry(extraCountryOption(countries, this.countryOptions));
    this.countrySelect.value = countryValue(countries);
    this.resetButton.disabled = commitments.length === 0 && countries.length === 0;
  }

  #namesOf(codes) {
    return codes.map((code) => this.locale.country(code)).join(', ');
  }

  /** An option of its own, after "All countries", for a list such as DE,CH; gone once another is chosen. */
  #showExtraCountry(extra) {
    if (this.extraCountry?.option.value === extra?.value) return;
    this.extraCountry?.option.remove();
    this.extraCountry = null;
    if (!extra) return;
    const option = el('option', { value: extra.value }, this.#namesOf(extra.codes));
    this.countrySelect.options[0].after(option);
    this.extraCountry = { option, codes: extra.codes };
  }

  /** The legend's numbers (selection.js's facetCounts); a multi-country option shows its countries' sum. */
  showCounts(typeCounts, countryCounts) {
    const { locale } = this;
    for (const [key, count] of this.typeCounts) count.textContent = locale.number(typeCounts.get(key) ?? 0);
    for (const [code, { option, name }] of this.countryOptions) {
      option.textContent = locale.text('filters.countryOption', { name, count: countryCounts.get(code) ?? 0 });
    }
    if (this.extraCountry) {
      const { option, codes } = this.extraCountry;
      const count = codes.reduce((sum, code) => sum + (countryCounts.get(code) ?? 0), 0);
      option.textContent = locale.text('filters.countryOption', { name: this.#namesOf(codes), count });
    }
  }
}
