// The explorer's options, as the page gives them (a JSON block the server writes from its resource files) or a
// script passes them. Read in one place so every module gets complete, checked values. Pure.

import { languages } from './languages.js';

const defaults = {
  lang: 'en',
  fixedFilter: null,
  writesHistory: true,
  // Where the explorer links to. {slug} is filled in, encoded. The server gives language-prefixed addresses
  // (/de/cities/{slug}); `news` is a post, and without it the post's own url from the API is used.
  links: { city: '/cities/{slug}', cityNews: '/news?city={slug}', news: null },
};

const list = (value) => (Array.isArray(value) ? value.filter((item) => typeof item === 'string' && item) : []);

/**
 * A fixed filter as a full selection ({ commitments, countries }), null when it keeps every city.
 * @param {{commitments?: string[], countries?: string[]}|null|undefined} filter
 */
export function fixedSelection(filter) {
  if (!filter) return null;
  const selection = { commitments: list(filter.commitments), countries: list(filter.countries).map((c) => c.toUpperCase()) };
  return selection.commitments.length || selection.countries.length ? Object.freeze(selection) : null;
}

/** An address from a link template: linkTo('/de/cities/{slug}', { slug: 'köln' }) → '/de/cities/k%C3%B6ln'. */
export const linkTo = (template, values) =>
  template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? encodeURIComponent(values[name]) : whole));

/**
 * Options with defaults filled in and checked.
 * @param {object} given
 * @returns {{lang: 'de'|'en', strings: Record<string, string>, countries: Record<string, string>, fixedFilter: object|null, writesHistory: boolean,
 *            readsAddress: boolean, links: {city: string, cityNews: string, news: string|null, card?: string, embedBuilder?: string}}}
 */
export function readOptions(given = {}) {
  if (!given.strings || typeof given.strings !== 'object') {
    throw new TypeError('Explorer options need "strings": the interface text in the page\'s language.');
  }
  const lang = languages.includes(given.lang) ? given.lang : defaults.lang;
  const writesHistory = given.writesHistory ?? defaults.writesHistory;
  return Object.freeze({
    lang,
    strings: given.strings,
    // Country names by ISO code in the page's language (the server's, from CLDR); others are asked of Intl.
    countries: given.countries && typeof given.countries === 'object' ? given.countries : {},
    fixedFilter: fixedSelection(given.fixedFilter),
    writesHistory,
    // Whether it starts from its own address's parameters (?commitment=…&city=…): always when it writes history.
    // An embed reads them but writes nothing: inside a frame every history entry would be a step of the host
    // page's back button.
    readsAddress: writesHistory || given.readsAddress === true,
    links: Object.freeze({ ...defaults.links, ...given.links }),
  });
}
