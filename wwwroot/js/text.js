// Text helpers shared by the search, the list, the panel and the editor: folding for search, slugs, elements.
// Words in a language live elsewhere (locale.js).

/**
 * The form names are compared in: lower case, accents dropped, ß as ss. "Zürich", "zurich" and "ZURICH" fold
 * alike; German transliterations ("Zuerich", "Osnabrueck") are matched by searchKeys below.
 */
export function fold(text) {
  return text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase()
    .replace(/ß/g, 'ss').replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/ł/g, 'l').replace(/đ/g, 'd');
}

/** The keys a name is found under: its folded form and, for German umlauts, the ae/oe/ue spelling. */
export function searchKeys(name) {
  const plain = fold(name);
  const transliterated = fold(name.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue'));
  return plain === transliterated ? [plain] : [plain, transliterated];
}

/**
 * A URL slug as the server makes it (Text/Slug.cs): German umlauts spelled out (ü → ue), other accents dropped,
 * every other run of characters one hyphen.
 */
export function slugOf(text) {
  return text.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFD').replace(/\p{Mn}/gu, '')
    .replace(/æ/g, 'ae').replace(/œ/g, 'oe').replace(/ø/g, 'o').replace(/ł/g, 'l').replace(/[đð]/g, 'd').replace(/þ/g, 'th').replace(/ı/g, 'i')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** Only http(s) links become hrefs: a javascript: or data: URL from the data must never be clickable. */
export function safeHref(url) {
  try {
    const parsed = new URL(url, document.baseURI);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Builds an element: el('a', { href, className }, 'text', child…). Text is always set as text, never HTML. */
export function el(tag, properties = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(properties)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('data-') || name.startsWith('aria-') || name === 'role') element.setAttribute(name, value);
    else element[name] = value;
  }
  element.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}
