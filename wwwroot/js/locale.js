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
  // Made when first asked for: each loads its share of ICU's data, together tens of milliseconds on a phone, which
  // the page would otherwise spend before it shows anything. prepare() makes them while the cities download.
  const numbers = once(() => new Intl.NumberFormat(lang));
  const plurals = once(() => new Intl.PluralRules(lang));
  const regions = once(() => new Intl.DisplayNames([lang], { type: 'region' }));
  // German sorts ä with a and Ö with O; names are compared as people read them, not by code point.
  const collator = once(() => new Intl.Collator(lang));
  const countryNames = new Map();

  /** Numbers in values are written the reader's way (1.234 / 1,234) before they go into the text. */
  const written = (values) => Object.fromEntries(Object.entries(values)
    .map(([name, value]) => [name, typeof value === 'number' ? numbers().format(value) : value]));

  const locale = {
    lang,
    strings,

    /** The text of `key` with its values filled in. */
    text: (key, values = {}) => format(strings, key, written(values)),

    /** The plural form of `key` for `count` (given to the template as {count}). */
    plural: (key, count, values = {}) =>
      format(strings, pluralKey(strings, key, plurals().select(count)), written({ count, ...values })),

    number: (n) => numbers().format(n),

    /** A partial ISO date in words (dates.js). */
    date: (iso) => formatPartialDate(iso, lang),

    /** "DE" → "Deutschland" / "Germany"; the code itself when it names no region. */
    country(code) {
      let name = countryNames.get(code);
      if (name === undefined) {
        try {
          name = regions().of(code) ?? code;
        } catch {
          name = code;
        }
        countryNames.set(code, name);
      }
      return name;
    },

    /** Where a city lies, for a line under its name: "Baden-Württemberg, Deutschland". */
    place: (city) => [city.region, locale.country(city.country)].filter(Boolean).join(', '),

    compare: (a, b) => collator().compare(a, b),

    /**
     * Makes the formatters now, each in a task of its own (`pause` yields to the page before each): called while the
     * page waits for its data, so that none of them lands in a task that already has work to do. The first one made
     * also loads ICU's data (about 100 ms on a throttled phone).
     */
    async prepare(pause) {
      for (const make of [numbers, plurals, regions, collator]) {
        await pause();
        make();
      }
    },

    /** Text given in both languages (languages.js): the reader's, else the other with its language. */
    pick: (value) => pick(value, lang),
  };
  return Object.freeze(locale);
}

/** A value made on first use and kept. */
function once(make) {
  let value;
  return () => (value ??= make());
}
