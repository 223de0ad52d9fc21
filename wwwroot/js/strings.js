// Interface text comes from the page (options.strings: key → template), never from the scripts, so one
// explorer speaks German or English. A template names its values in braces: "{shown} von {total} Orten".
// A missing key or value shows as ⟦key⟧ rather than as nothing or as English: loud on the page and easy for
// a test to find. Pure: no DOM.

/** What stands in for a key or value the strings lack. */
export const missing = (key) => `⟦${key}⟧`;

/** Whether a formatted text holds a stand-in for something missing. */
export const hasMissing = (text) => text.includes('⟦');

/**
 * The template of `key` with its `{name}` placeholders filled from `values` (as given: format numbers first).
 * @param {Record<string, string>} strings
 * @param {string} key
 * @param {Record<string, unknown>} [values]
 */
export function format(strings, key, values = {}) {
  const template = strings?.[key];
  if (typeof template !== 'string') return missing(key);
  return template.replace(/\{(\w+)\}/g, (_, name) =>
    (Object.hasOwn(values, name) && values[name] !== undefined && values[name] !== null ? String(values[name]) : missing(name)));
}

/**
 * The key holding the plural form for a count: `${key}.${rule}` (Intl.PluralRules: one, other, few…), falling
 * back to `${key}.other`, which every plural must have; German and English need only these two.
 */
export function pluralKey(strings, key, rule) {
  const exact = `${key}.${rule}`;
  return Object.hasOwn(strings ?? {}, exact) ? exact : `${key}.other`;
}

/** The keys among `keys` that `strings` lacks: for a check before use, or a test. */
export const missingKeys = (strings, keys) => keys.filter((key) => typeof strings?.[key] !== 'string');
