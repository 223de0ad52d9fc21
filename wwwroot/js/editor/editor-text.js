// The editor's texts in the editor's language, handed over by the page (Pages/Admin/_EditorText.cshtml: a JSON
// block of Resources/EditorText*.resx's Script.* and Doubt.* texts): the scripts hold no text of their own.
// A missing text shows as ⟦key⟧ (strings.js), loud on the page and easy for a test to find.

import { format } from '../strings.js';

const block = document.getElementById('editor-text');
const data = block ? JSON.parse(block.textContent) : { lang: document.documentElement.lang, strings: {} };

/** The editor's language (de, en). */
export const lang = data.lang;

/**
 * The text of `key` with its placeholders filled: named ({name}) from an object, numbered ({0}) from an array.
 * @param {string} key
 * @param {Record<string, unknown> | unknown[]} [values]
 */
export const text = (key, values) => format(data.strings, key, values ?? {});

/** Numbers as the editor's language writes them (1.234 / 1,234). */
export const number = (n) => new Intl.NumberFormat(lang).format(n);
