// Everything language-dependent the explorer shows, in one object made from the page's options: its texts,
// numbers, dates, country names and the order names sort in. Pure: Intl only, so Node tests it as is.

import { formatPartialDate } from './dates.js';
import { pick } from './languages.js';
import { format, pluralKey } from './strings.js';

/**
 * @param {'de'|'en'} lang
 * @param {Record<string, string>} strings  key → template (see strings.js)
 */
export function createLocale(lang, strings) {
  const numbers = new Intl.NumberFormat(lang);
  const plurals = new Intl.PluralRules(lang);
  const regions = new Intl.DisplayNames([lang], { type: 'region' });
  // German sorts ä with a and Ö with O; names are compared as people read them, not by code point.
  const collator = new Intl.Collator(lang);
  const countryNames = new Map();

  /** Numbers in values are written the reader's way (1.234 / 1,234) before they go into the text. */
  const written = (values) => Object.fromEntries(Object.entries(values)
    .map(([name, value]) => [name, typeof value === 'number' ? numbers.format(value) : value]));

  const locale = {
    lang,
    strings,

    /** The text of `key` with its values filled in. */
    text: (key, values = {}) => format(strings, key, written(values)),

    /** The plural form of `key` for `count` (given to the template as {count}). */
    plural: (key, count, values = {}) =>
      format(strings, pluralKey(strings, key, plurals.select(count)), written({ count, ...values })),

    number: (n) => numbers.format(n),

    /** A partial ISO date in words (dates.js). */
    date: (iso) => formatPartialDate(iso, lang),

    /** "DE" → "Deutschland" / "Germany"; the code itself when it names no region. */
    country(code) {
      let name = countryNames.get(code);
      if (name === undefined) {
        try {
          name = regions.of(code) ?? code;
        } catch {
          name = code;
        }
        countryNames.set(code, name);
      }
      return name;
    },

    /** Where a city lies, for a line under its name: "Baden-Württemberg, Deutschland". */
    place: (city) => [city.region, locale.country(city.country)].filter(Boolean).join(', '),

    compare: (a, b) => collator.compare(a, b),

    /** Text given in both languages (languages.js): the reader's, else the other with its language. */
    pick: (value) => pick(value, lang),
  };
  return Object.freeze(locale);
}
