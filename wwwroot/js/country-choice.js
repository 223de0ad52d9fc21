// How a list of countries is shown in one <select>. The URL and the API take several (?country=DE,CH); a select
// shows one value, so a list that no single option stands for gets an option of its own, its value the list
// itself. Reading the select back then gives the whole list, and ticking a type keeps it. Pure, tested in Node.

const separator = ',';

/** The select value standing for these countries: '' for all, else the codes as the URL writes them. */
export const countryValue = (countries) => countries.join(separator);

/** The countries a select value stands for (inverse of countryValue). */
export const countriesOf = (value) => (value ? value.split(separator) : []);

/**
 * The extra option this selection needs, or null when "All countries" or one country's own option shows it
 * (a single code not in the data needs one too, or the select would fall back to "All countries").
 * @param {string[]} countries  the selection's countries
 * @param {Set<string>|Map<string, unknown>} known  codes with an option of their own
 * @returns {{value: string, codes: string[]}|null}
 */
export function extraCountryOption(countries, known) {
  if (countries.length === 0 || (countries.length === 1 && known.has(countries[0]))) return null;
  return { value: countryValue(countries), codes: countries };
}
