// Everything language-dependent the explorer shows, in one object made from the page's options: its texts,
// numbers, dates, country names and the order names sort in. Pure: Intl only, so Node tests it as is.

import { formatPartialDate } from './dates.js';
import { pick } from './languages.js';
import { format, pluralKey } from './strings.js';
import { fold } from './text.js';

/**
 * @param {'de'|'en'} lang
 * @param {Record<string, string>} strings  key → template (see strings.js)
 * @param {Record<string, string>} [countries]  ISO code → name in `lang`, as the server names them (from CLDR)
 */
export function createLocale(lang, strings, countries = {}) {
  // Made when first asked for: each loads its share of ICU's data, together up to 300 ms on a throttled phone,
  // which the page would otherwise spend before it shows anything. Country names and small numbers come without
  // them; prepare() makes the ones every start needs while the cities download.
  const numbers = once(() => new Intl.NumberFormat(lang));
  const plurals = once(() => new Intl.PluralRules(lang));
  const regions = once(() => new Intl.DisplayNames([lang], { type: 'region' }));
  // German sorts ä with a and Ö with O: names are compared by their folded form (text.js: case and accents
  // dropped, ß as ss), the name itself only breaking a tie. For the names the site has this is the order of ICU's
  // collator in either language (a test pins it against Intl.Collator on all of geodata), without the collator's
  // data, whose loading alone held a throttled phone's main thread for 130 ms at start.
  const sortKeys = new Map();
  const sortKey = (name) => {
    let key = sortKeys.get(name);
    if (key === undefined) sortKeys.set(name, key = fold(name));
    return key;
  };
  const byCodePoint = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  const countryNames = new Map(Object.entries(countries));

  // Below 1,000 a whole number is written alike in every language the site has (no grouping, ASCII digits): the
  // counts a page starts with need no ICU, which costs a phone's main thread more than anything else at start.
  const number = (n) => (Number.isInteger(n) && n >= 0 && n < 1000 ? String(n) : numbers().format(n));

  /** Numbers in values are written the reader's way (1.234 / 1,234) before they go into the text. */
  const written = (values) => Object.fromEntries(Object.entries(values)
    .map(([name, value]) => [name, typeof value === 'number' ? number(value) : value]));

  const locale = {
    lang,
    strings,

    /** The text of `key` with its values filled in. */
    text: (key, values = {}) => format(strings, key, written(values)),

    /** The plural form of `key` for `count` (given to the template as {count}). */
    plural: (key, count, values = {}) =>
      format(strings, pluralKey(strings, key, plurals().select(count)), written({ count, ...values })),

    number,

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

    compare: (a, b) => byCodePoint(sortKey(a), sortKey(b)) || byCodePoint(a, b),

    /**
     * Makes the formatter every start needs (the plural rules) in a task of its own (`pause` yields to the page
     * first): called while the page waits for its data, so that it does not land in a task that has work to do.
     */
    async prepare(pause) {
      await pause();
      plurals();
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
