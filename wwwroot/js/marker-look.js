// What a city's marker looks like, decided from its properties alone (docs/design.md, "Marker anatomy"). Pure:
// no DOM, no Leaflet, tested in Node.
//
// - Shape: a circle for a city or town, a rounded square for a district (Landkreis, Kreis, Bezirk).
// - Ring: one segment per colour family of the live commitments, in the legend's family order; never more than
//   four colours, which a reader can tell apart at map scale, also with colour-vision deficiency.
// - Number: how many kinds of commitment the place has made (live ones), never a zero. A place without a live
//   commitment shows no number: a member of a network gets a plain dark ring, a place whose commitments were all
//   revoked or rejected a dashed, hollow one.

/** The kinds of look, as CSS modifiers of .city-marker. */
export const looks = Object.freeze(['committed', 'network', 'withdrawn', 'none']);

/**
 * @param {{commitments: string[], items?: Array, networks?: string[], kind?: string}} city  a feature's properties
 * @param {Map<string, {family?: string, color: string}>} typesByKey
 * @param {string[]} familyOrder  the families in legend order
 * @returns {{look: string, district: boolean, colors: string[], text: string, key: string}}
 */
export function markerLook(city, typesByKey, familyOrder) {
  const district = city.kind === 'district';
  const families = new Map();
  for (const key of city.commitments ?? []) {
    const type = typesByKey.get(key);
    if (type && !families.has(type.family)) families.set(type.family, type.color);
  }
  const colors = [...families.entries()]
    .sort(([a], [b]) => rank(familyOrder, a) - rank(familyOrder, b))
    .map(([, color]) => color);
  const count = (city.commitments ?? []).length;
  const look = count > 0 ? 'committed'
    : (city.networks ?? []).length > 0 ? 'network'
      : (city.items ?? []).some(([, status]) => status === 'revoked' || status === 'rejected') ? 'withdrawn'
        : 'none';
  const text = count > 0 ? String(count) : '';
  return { look, district, colors, text, key: `${look}|${district ? 'd' : 'm'}|${colors.join(',')}|${text}` };
}

const rank = (order, family) => {
  const i = order.indexOf(family);
  return i === -1 ? order.length : i;
};

/** The families in the order the catalogue first names them. */
export const familyOrderOf = (types) => [...new Set(types.map((type) => type.family))];
