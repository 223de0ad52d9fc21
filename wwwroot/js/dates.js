// Dates in the reader's language, as precise as they are known: the data holds partial ISO dates ("2019",
// "2019-05", "2019-05-20"), and a year alone must not read as the first of January. Pure: Intl only.

// English as written in Europe: "20 May 2019", not "May 20, 2019".
const dateLocales = { de: 'de-DE', en: 'en-GB' };

const precisions = {
  4: { year: 'numeric' },
  7: { year: 'numeric', month: 'long' },
  10: { year: 'numeric', month: 'long', day: 'numeric' },
};

const formats = new Map();

function formatFor(lang, length) {
  const key = `${lang}/${length}`;
  let dateFormat = formats.get(key);
  if (!dateFormat) {
    // UTC both ways: a date is a day, not an instant, and must not shift with the reader's time zone.
    dateFormat = new Intl.DateTimeFormat(dateLocales[lang] ?? lang, { ...precisions[length], timeZone: 'UTC' });
    formats.set(key, dateFormat);
  }
  return dateFormat;
}

/**
 * "2019" → "2019"; "2019-05" → "Mai 2019" / "May 2019"; "2019-05-20" → "20. Mai 2019" / "20 May 2019".
 * Anything else comes back as it is (data is shown rather than hidden), '' for nothing.
 * @param {string|null|undefined} iso
 * @param {'de'|'en'} lang
 */
export function formatPartialDate(iso, lang) {
  if (!iso) return '';
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(iso)) return iso;
  const [year, month = 1, day = 1] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls "2019-13" over into 2020: a date that does not read back is not a date.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return iso;
  return formatFor(lang, iso.length).format(date);
}
