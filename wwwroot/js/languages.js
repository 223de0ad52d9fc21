// Data that comes in both languages ({ de, en }) and the choice of which to show. The site speaks German and
// English; a text missing in the reader's language is shown in the other rather than not at all, marked with
// its language so screen readers pronounce it right. Pure.

export const languages = Object.freeze(['de', 'en']);

/**
 * The text to show of a value that is either one string (language unknown) or { de, en } (either may be empty
 * or missing).
 * @returns {{text: string, lang: string|null}}  lang is set only when the text is not in the reader's language
 */
export function pick(value, lang) {
  if (value === null || value === undefined) return { text: '', lang: null };
  if (typeof value === 'string') return { text: value, lang: null };
  if (value[lang]) return { text: value[lang], lang: null };
  const other = [...languages, ...Object.keys(value)].find((code) => code !== lang && typeof value[code] === 'string' && value[code]);
  return other ? { text: value[other], lang: other } : { text: '', lang: null };
}
