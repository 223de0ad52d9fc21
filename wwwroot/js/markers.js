// City markers and their clusters.
//
// A marker is a ring split into the colours of the city's commitments with the number of commitments in its
// middle, so colour is never the only cue; its accessible name (title) lists the commitments in words. Markers
// are focusable buttons (Leaflet's keyboard option): Tab reaches them, Enter opens them.

import { featureLatLng } from './geo.js';

const L = globalThis.L;

const markerOptions = {
  size: 28,
  noCommitmentColor: '#8a8a8a',
};

/** A div icon whose element is built with DOM calls (no inline HTML or style attributes, which the CSP forbids). */
const CityIcon = L.DivIcon.extend({
  createIcon(oldIcon) {
    const div = oldIcon && oldIcon.tagName === 'DIV' ? oldIcon : document.createElement('div');
    div.replaceChildren();
    const { colors, text } = this.options;
    const ring = document.createElement('span');
    ring.className = 'city-marker__ring';
    ring.style.background = colors.length > 1
      ? `conic-gradient(${colors.map((c, i) => `${c} ${(i * 360) / colors.length}deg ${((i + 1) * 360) / colors.length}deg`).join(', ')})`
      : colors[0];
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
 * Icons are shared by every city with the same commitments: 100,000 markers need only a few dozen icons. A city
 * whose only commitments were revoked or rejected gets a hollow, dashed ring: never the colour of a promise.
 */
export function iconFactory(typesByKey) {
  const icons = new Map();
  return (keys, withdrawn = false) => {
    const hollow = withdrawn && keys.length === 0;
    const cacheKey = `${keys.join(',')}${hollow ? '|withdrawn' : ''}`;
    let icon = icons.get(cacheKey);
    if (!icon) {
      const colors = keys.map((k) => typesByKey.get(k)?.color ?? markerOptions.noCommitmentColor);
      icon = new CityIcon({
        className: ['city-marker', hollow ? 'city-marker--withdrawn' : ''].filter(Boolean).join(' '),
        iconSize: [markerOptions.size, markerOptions.size],
        colors: colors.length ? colors : [markerOptions.noCommitmentColor],
        text: String(keys.length),
      });
      icons.set(cacheKey, icon);
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
  return hasWithdrawn(city) ? `${title} ${locale.text('marker.withdrawn')}` : title;
}

export function createMarker(feature, icon, title) {
  return L.marker(featureLatLng(feature), { icon, title, keyboard: true, riseOnHover: true });
}

const ClusterIcon = L.DivIcon.extend({
  createIcon(oldIcon) {
    const div = L.DivIcon.prototype.createIcon.call(this, oldIcon);
    div.title = this.options.title;
    div.setAttribute('role', 'button');
    return div;
  },
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
        html: `<div><span aria-hidden="true">${count}</span></div>`, // digits only: the bubble is small
        className: `marker-cluster marker-cluster-${size}`,
        iconSize: L.point(40, 40),
        title: locale.plural('cluster.title', count),
      });
      icons.set(count, icon);
    }
    return icon;
  };
}
