// The legend, which doubles as the filter: one checkbox per commitment type (its colour, title and how many of
// the cities shown have it), one per status, a range of years, a country and a region choice, and reset. The
// rule itself is selection.js's; this module only shows a selection and reads it back.

import { countriesOf, countryValue, extraCountryOption } from './country-choice.js';
import { allStatuses, complete, noSelection, regionsOf, yearBounds } from './selection.js';
import { el } from './text.js';
import { whenShown } from './shown.js';
import { chosenYears, handlesFor, pushApart } from './year-range.js';

/** The families' names (docs/design.md): the legend groups the types under them. */
const familyKeys = { harbour: 'family.harbour', admission: 'family.admission', staying: 'family.staying', stance: 'family.stance' };

/**
 * Only what differs is written: every write to an option, a checkbox or a class restyles it, even with the value it
 * already had, and the legend holds a few hundred of them (the regions alone 160), counted again on every change.
 */
const setText = (node, text) => { if (node.textContent !== text) node.textContent = text; };
const setDisabled = (control, disabled) => { if (control.disabled !== disabled) control.disabled = disabled; };
const setClass = (element, name, on) => { if (element && element.classList.contains(name) !== on) element.classList.toggle(name, on); };

/** Statuses that are no commitment made: shown apart (struck through), never counted unless asked for. */
const withdrawn = new Set(['revoked', 'rejected']);

export class Filters {
  /**
   * @param {HTMLElement} root  holds the roles commitment-types, statuses, year-from, year-to, years-output, undated,
   *                            country, region and reset
   * @param {{types: object[], countries: string[], features: object[]}} data  legend types in order, the countries
   *                            present, and the cities (for the years and regions they span)
   * @param {ReturnType<import('./locale.js').createLocale>} locale
   * @param {(selection: object) => void} onChange
   */
  constructor(root, { types, countries, features }, locale, onChange) {
    this.root = root;
    this.locale = locale;
    this.onChange = onChange;
    this.features = features;
    const part = (role) => root.querySelector(`[data-role="${role}"]`);
    this.typeList = part('commitment-types');
    this.statusList = part('statuses');
    this.fromInput = part('year-from');
    this.toInput = part('year-to');
    this.yearsOutput = part('years-output');
    this.undatedBox = part('undated');
    this.countrySelect = part('country');
    this.regionSelect = part('region');
    this.resetButton = part('reset');

    this.checkboxes = new Map();
    this.typeCounts = new Map();
    this.typeList.replaceChildren(...types.flatMap((type, i) =>
      (i === 0 || types[i - 1].family !== type.family ? [this.#familyHeading(type), this.#typeEntry(type)] : [this.#typeEntry(type)])));

    this.statusBoxes = new Map();
    this.statusCounts = new Map();
    this.statusList.replaceChildren(...allStatuses.map((status) => this.#statusEntry(status)));

    this.bounds = yearBounds(features);
    for (const input of [this.fromInput, this.toInput]) Object.assign(input, { min: this.bounds.min, max: this.bounds.max, step: 1 });
    this.fromInput.value = String(this.bounds.min);
    this.toInput.value = String(this.bounds.max);

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
    this.regionOptions = new Map();
    this.regionCounts = null; // region → cities, from the first showCounts on

    const changed = () => this.onChange(this.selection);
    this.typeList.addEventListener('change', changed);
    this.statusList.addEventListener('change', changed);
    // A handle pushed past the other takes it along, so the range is never empty.
    for (const [moved, input] of [['from', this.fromInput], ['to', this.toInput]]) {
      input.addEventListener('input', () => {
        this.#placeHandles(pushApart(moved, this.fromInput.value, this.toInput.value, this.bounds));
        this.#showYears();
      });
    }
    this.fromInput.addEventListener('change', changed);
    this.toInput.addEventListener('change', changed);
    this.undatedBox.addEventListener('change', changed);
    this.countrySelect.addEventListener('change', () => {
      this.regionSelect.value = ''; // a region of another country would keep nothing
      changed();
    });
    this.regionSelect.addEventListener('change', changed);
    this.resetButton.addEventListener('click', () => {
      this.set(noSelection);
      this.onChange(this.selection);
    });
  }

  /** A family's name above its types, with its colour: the colour a marker's ring shows for any of them. */
  #familyHeading(type) {
    const swatch = el('span', { className: 'legend__swatch legend__swatch--family', 'aria-hidden': 'true' });
    swatch.style.background = type.color;
    const key = familyKeys[type.family];
    return el('li', { className: 'legend__family', 'data-family': type.family }, swatch,
      el('span', { className: 'legend__family-name' }, key ? this.locale.text(key) : type.family));
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

  #statusEntry(status) {
    const checkbox = el('input', { type: 'checkbox', value: status, name: 'status' });
    const count = el('span', { className: 'legend__count' });
    this.statusBoxes.set(status, checkbox);
    this.statusCounts.set(status, count);
    return el('li', { 'data-status': status, className: withdrawn.has(status) ? 'legend__status--withdrawn' : '' },
      el('label', { className: 'legend__entry' }, checkbox,
        el('span', { className: 'legend__title' }, this.locale.text(`commitmentStatus.${status}`)), count));
  }

  /** The years chosen: null at either end means "from the first" or "up to now", so the full range filters nothing. */
  get #years() {
    return chosenYears(this.fromInput.value, this.toInput.value, this.bounds);
  }

  #placeHandles({ from, to }) {
    this.fromInput.value = String(from);
    this.toInput.value = String(to);
  }

  #showYears() {
    const { from, to } = this.#years;
    const narrowed = from !== null || to !== null;
    this.yearsOutput.textContent = narrowed
      ? this.locale.text('filters.yearRange', { from: this.fromInput.value, to: this.toInput.value })
      : this.locale.text('filters.allYears');
    // Undated commitments can only be added to a range; without one they all count anyway.
    this.undatedBox.disabled = !narrowed;
  }

  get selection() {
    const commitments = [...this.checkboxes].filter(([, box]) => box.checked).map(([key]) => key);
    const statuses = [...this.statusBoxes].filter(([, box]) => box.checked).map(([key]) => key);
    const { from, to } = this.#years;
    return complete({
      commitments, statuses, from, to, undated: (from !== null || to !== null) && this.undatedBox.checked,
      countries: countriesOf(this.countrySelect.value),
      regions: this.regionSelect.value ? [this.regionSelect.value] : [],
    });
  }

  /** Shows a selection (from the URL) without reporting it back as a change. */
  set(selection) {
    const s = complete(selection);
    for (const [key, box] of this.checkboxes) box.checked = s.commitments.includes(key);
    for (const [key, box] of this.statusBoxes) box.checked = s.statuses.includes(key);
    this.#placeHandles(handlesFor(s, this.bounds));
    this.undatedBox.checked = s.undated;
    this.#showYears();
    this.#showExtraCountry(extraCountryOption(s.countries, this.countryOptions));
    this.countrySelect.value = countryValue(s.countries);
    // A phone shows the regions in the filter sheet only: 160 options wait until it opens (shown.js).
    whenShown(this.regionSelect, () => this.#fillRegions(s.countries, s.regions));
    this.resetButton.disabled = s.commitments.length === 0 && s.statuses.length === 0 && s.countries.length === 0
      && s.regions.length === 0 && s.from === null && s.to === null;
  }

  /** The regions of the chosen countries; a region named by the URL keeps an option even when no city has it. */
  #fillRegions(countries, chosen) {
    // The regions depend on the countries alone: keep the options (and skip a pass over every city) while they stay.
    const key = `${countries.join(',')}|${chosen.join(',')}`;
    if (key === this.regionsFor) {
      this.regionSelect.value = chosen[0] ?? '';
      return;
    }
    this.regionsFor = key;
    const names = regionsOf(this.features, countries);
    for (const region of chosen) if (!names.includes(region)) names.push(region);
    names.sort((a, b) => this.locale.compare(a, b));
    this.regionOptions.clear();
    this.regionSelect.replaceChildren(el('option', { value: '' }, this.locale.text('filters.allRegions')),
      ...names.map((name) => {
        const option = el('option', { value: name }, name);
        this.regionOptions.set(name, option);
        return option;
      }));
    this.regionSelect.value = chosen[0] ?? '';
    this.#showRegionCounts();
  }

  #showRegionCounts() {
    if (!this.regionCounts) return; // the names alone until the counts come
    for (const [name, option] of this.regionOptions) {
      const n = this.regionCounts.get(name) ?? 0;
      setText(option, this.locale.text('filters.regionOption', { name, count: n }));
      setDisabled(option, n === 0 && !option.selected);
    }
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
  showCounts({ typeCounts, statusCounts, countryCounts, regionCounts }) {
    const { locale } = this;
    // A choice that would show nothing is no choice: it is disabled (kept checked if it was, so it can be unticked).
    const show = (box, count, n) => {
      setText(count, locale.number(n));
      setDisabled(box, n === 0 && !box.checked);
      setClass(box.closest('li'), 'legend__entry--empty', n === 0);
    };
    for (const [key, count] of this.typeCounts) show(this.checkboxes.get(key), count, typeCounts.get(key) ?? 0);
    for (const [key, count] of this.statusCounts) show(this.statusBoxes.get(key), count, statusCounts.get(key) ?? 0);
    for (const [code, { option, name }] of this.countryOptions) {
      const n = countryCounts.get(code) ?? 0;
      setText(option, locale.text('filters.countryOption', { name, count: n }));
      setDisabled(option, n === 0 && !option.selected);
    }
    if (this.extraCountry) {
      const { option, codes } = this.extraCountry;
      const count = codes.reduce((sum, code) => sum + (countryCounts.get(code) ?? 0), 0);
      setText(option, locale.text('filters.countryOption', { name: this.#namesOf(codes), count }));
    }
    this.regionCounts = regionCounts;
    this.#showRegionCounts();
  }
}
