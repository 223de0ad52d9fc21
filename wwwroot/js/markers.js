// City markers and their clusters.
//
// A marker's look (marker-look.js, docs/design.md): a circle for a city or town, a rounded square for a district;
// a ring in the colour families of its live commitments around the number of kinds of commitment it made, so
// colour is never the only cue; its accessible name (title) lists the commitments in words. Markers are
// focusable buttons (Leaflet's keyboard option): Tab reaches them, Enter opens them.

import { featureLatLng } from './geo.js';
import { markerLook } from './marker-look.js';

const L = globalThis.L;

const markerOptions = {
  size: 28,
};

/** A div icon whose element is built with DOM calls (no inline HTML or style attributes, which the CSP forbids). */
const CityIcon = L.DivIcon.extend({
  createIcon(oldIcon) {
    const div = oldIcon && oldIcon.tagName === 'DIV' ? oldIcon : document.createElement('div');
    div.replaceChildren();
    const { colors, text } = this.options;
    const ring = document.createElement('span');
    ring.className = 'city-marker__ring';
    if (colors.length > 1) {
      ring.style.background = `conic-gradient(${colors.map((c, i) => `${c} ${(i * 360) / colors.length}deg ${((i + 1) * 360) / colors.length}deg`).join(', ')})`;
    } else if (colors.length === 1) {
      ring.style.background = colors[0];
    }
    const label = document.createElement('span');
    label.className = 'city-marker__count';
    label.setAttribute('aria-hidden', 'true');
    label.textContent = text;
    ring.append(label);
    div.append(ring);
    this._setIconStyles(div, 'icon');
    return div;
  },
  createShadow: () => null,
});

/** Whether a city's commitments include revoked or rejected ones (its items say; the live types do not). */
export const hasWithdrawn = (city) => (city.items ?? []).some(([, status]) => status === 'revoked' || status === 'rejected');

/**
 * Icons are shared by every city that looks alike: 100,000 markers need only a few dozen icons.
 * @param {Map<string, object>} typesByKey
 * @param {string[]} familyOrder
 */
export function iconFactory(typesByKey, familyOrder) {
  const icons = new Map();
  return (city) => {
    const look = markerLook(city, typesByKey, familyOrder);
    let icon = icons.get(look.key);
    if (!icon) {
      icon = new CityIcon({
        className: ['city-marker', `city-marker--${look.look}`, look.district ? 'city-marker--district' : ''].filter(Boolean).join(' '),
        iconSize: [markerOptions.size, markerOptions.size],
        colors: look.colors,
        text: look.text,
      });
      icons.set(look.key, icon);
    }
    return icon;
  };
}

/**
 * The marker's accessible name: "Konstanz (Baden-Württemberg, Germany): Sea rescue support; Safe harbour".
 * A title attribute holds one language: a type without a title in the reader's gets the other's unmarked.
 */
export function markerTitle(city, typesByKey, locale) {
  const commitments = city.commitments.map((k) => locale.pick(typesByKey.get(k)?.title).text || k);
  const values = { name: city.name, place: locale.place(city), commitments: commitments.join('; ') };
  const title = locale.text(commitments.length ? 'marker.title' : 'marker.titleNoCommitment', values);
  const notes = [
    city.kind === 'district' ? locale.text('marker.district') : null,
    commitments.length === 0 && (city.networks ?? []).length > 0 ? locale.text('marker.network') : null,
    hasWithdrawn(city) ? locale.text('marker.withdrawn') : null,
  ].filter(Boolean);
  return [title, ...notes].join(' ');
}

export function createMarker(feature, icon, title) {
  return L.marker(featureLatLng(feature), { icon, title, keyboard: true, riseOnHover: true });
}

/** Built with DOM calls like the city's icon: Leaflet's own sets innerHTML, an HTML parse per cluster drawn. */
const ClusterIcon = L.DivIcon.extend({
  createIcon(oldIcon) {
    const div = oldIcon && oldIcon.tagName === 'DIV' ? oldIcon : document.createElement('div');
    const count = document.createElement('span');
    count.setAttribute('aria-hidden', 'true'); // digits only: the bubble is small; the title says it in words
    count.textContent = this.options.count;
    const bubble = document.createElement('div');
    bubble.append(count);
    div.replaceChildren(bubble);
    this._setIconStyles(div, 'icon');
    div.title = this.options.title;
    div.setAttribute('role', 'button');
    return div;
  },
  createShadow: () => null,
});

/**
 * A cluster's icon: neutral (it holds cities of every kind, so no commitment's colour), its number counting
 * cities, as its name says for screen readers. Icons are shared per count.
 */
export function clusterIconFactory(locale) {
  const icons = new Map();
  return (count) => {
    let icon = icons.get(count);
    if (!icon) {
      const size = count < 10 ? 'small' : count < 100 ? 'medium' : 'large';
      icon = new ClusterIcon({
        count: String(count),
        className: `marker-cluster marker-cluster-${size}`,
        iconSize: L.point(40, 40),
        title: locale.plural('cluster.title', count),
      });
      icons.set(count, icon);
    }
    return icon;
  };
}
