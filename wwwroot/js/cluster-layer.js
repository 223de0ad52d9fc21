// The cities on the map, clustered: a supercluster index of the shown cities, drawn for the view. The index lives
// in a worker (cluster-source.js): what to draw for a view arrives as an answer, and a drawing is superseded by a
// newer one asked for meanwhile.
//
// Only what the view holds is on the map: the clusters and single cities `getClusters` returns for the padded
// bounds at the current zoom. A filter change rebuilds the index (tens of milliseconds at 100,000 cities) and
// draws the view again, where re-clustering every marker of a Leaflet.markercluster group took seconds.
// Above `clusterMaxZoom` every city is drawn on its own; cities that would cover each other there (a district
// placed at its town, two names for one place) fan out in a small circle around their point.
// Markers are added in reading order (north to south in bands, west to east within a band), so Tab walks the
// map as a person reads it.
//
// Events: 'rendered' after each drawing. City markers' own events (click, keypress) reach the layer's
// listeners with `event.layer` the marker, as in a FeatureGroup.

import { clusterSource } from './cluster-source.js';

const L = globalThis.L;

export const clusterOptions = Object.freeze({
  radius: 60,           // px: how close two cities are before they share a cluster
  minZoom: 3,           // the map's own minimum: nothing further out is ever drawn
  // From 9 on every city is drawn itself. Each level clustered costs about as much as the first at 100,000
  // cities (few of them merge before zoom 7): 3–8 takes a fifth of the time 3–10 takes.
  clusterMaxZoom: 8,
  padding: 0.5,         // the view's bounds grow by half on each side, so a short pan finds markers in place
  bandHeight: 48,       // px: the height of a reading-order band
  fanDistance: 14,      // px: cities closer than this at the drawn zoom fan out
  fanRadius: 26,        // px: the fan's radius
  // px: clusters and cities whose middles come closer than this are drawn as one cluster. supercluster places a
  // cluster at its members' centre, so two can end up on top of each other; a target a finger can hit needs
  // room of its own (WCAG 2.5.8: 24 px, and a cluster is 40 px wide).
  minSeparation: 40,
  slice: 8,             // markers added per task while drawing (see _render): 16 took 100 ms on a throttled phone
});

/**
 * @param {object} handlers
 * @param {(slug: string) => L.Marker} handlers.markerFor   the city's marker (made once, reused)
 * @param {(count: number) => L.Icon} handlers.clusterIcon
 * @param {(a: string, b: string) => number} handlers.compare   the order of names (a fan goes round in it)
 */
export const ClusterLayer = L.FeatureGroup.extend({
  initialize(handlers) {
    L.FeatureGroup.prototype.initialize.call(this);
    this._handlers = handlers;
    this._source = clusterSource();
    this._index = null; // the number of the index drawn from (cluster-source.js)
    this._next = null; // { index: a promise of its number, slugs } made by index(), installed by draw()
    this._slugs = new Set();
    this._drawn = new Map(); // key → layer now on the map
    this._clusterMarkers = new Map(); // cluster id (or joined ids) → marker, for the current index
    this._drawings = 0;
    this._drawing = Promise.resolve();
  },

  onAdd(map) {
    L.FeatureGroup.prototype.onAdd.call(this, map);
    map.on('moveend', this._render, this);
    this._render();
  },

  onRemove(map) {
    map.off('moveend', this._render, this);
    L.FeatureGroup.prototype.onRemove.call(this, map);
  },

  /**
   * Clusters these cities (GeoJSON point features whose id is the slug) without drawing them; resolves once the
   * index is made. Until `draw()` the map shows, moves and opens the previous clusters with the previous index,
   * since a cluster's id means something only in the index that made it.
   */
  index(features) {
    const options = { radius: clusterOptions.radius, minZoom: clusterOptions.minZoom, maxZoom: clusterOptions.clusterMaxZoom };
    this._next = { index: this._source.load(features, options), slugs: new Set(features.map((feature) => feature.id)) };
    return this._next.index;
  },

  /** Draws the clustered cities for the view, with the index `index()` made last; resolves when all are placed. */
  async draw() {
    const next = this._next;
    if (next) {
      this._next = null;
      const index = await next.index;
      this._index = index;
      this._slugs = next.slugs;
      this._clusterMarkers.clear();
    }
    return this._render();
  },

  /** Whether the city is among the clustered (shown) ones. */
  holds(slug) {
    return this._slugs.has(slug);
  },

  /** The zoom at which a city is drawn on its own, not in a cluster. */
  get ownZoom() {
    return clusterOptions.clusterMaxZoom + 1;
  },

  /**
   * Opens a cluster: zooms to where it splits. With `focus`, the first of its parts (in reading order) takes the
   * focus once drawn, so a keyboard user lands inside what they opened.
   */
  async openCluster(marker, { focus = false, animate = true } = {}) {
    const map = this._map;
    const members = marker.members ?? [{ properties: { cluster: true, cluster_id: marker.clusterId } }];
    const opened = await this._source.open(this._index, members.filter((m) => m.properties.cluster).map((m) => m.properties.cluster_id));
    if (this._map !== map) return;
    const leaves = [...opened.leaves, ...members.filter((m) => !m.properties.cluster)
      .map((m) => ({ id: m.id, coordinates: m.geometry.coordinates }))];
    const parts = new Set(leaves.map((leaf) => leaf.id));
    if (focus) {
      // The layer asks for its drawing on the same moveend, before this listener; its markers are all placed only
      // a few tasks later.
      map.once('moveend', () => this._drawing.then(() => {
        // A smaller cluster lies wholly inside or wholly outside the opened one: one city tells which.
        const first = [...this._drawn.values()].find((layer) => parts.has(layer.firstCity));
        first?.getElement()?.focus();
      }));
    }
    if (marker.members) {
      // Joined for room only: zoom to where its cities are, which splits it.
      const bounds = L.latLngBounds(leaves.map((leaf) => [leaf.coordinates[1], leaf.coordinates[0]]));
      const zoom = Math.max(map.getZoom() + 1, Math.min(map.getBoundsZoom(bounds.pad(0.2)), this.ownZoom));
      if (animate) map.flyTo(bounds.getCenter(), zoom, { duration: 0.5 });
      else map.setView(bounds.getCenter(), zoom, { animate: false });
      return;
    }
    const zoom = Math.min(opened.zoom, map.getMaxZoom());
    if (animate) map.flyTo(marker.getLatLng(), zoom, { duration: 0.5 });
    else map.setView(marker.getLatLng(), zoom, { animate: false });
  },

  /**
   * Clusters and cities closer than minSeparation become one cluster for this drawing, the biggest first taking in
   * its neighbours. Its number is the sum; opening it zooms to its cities.
   */
  _joinOverlapping(placed) {
    const count = (entry) => entry.item.properties.point_count ?? 1;
    const order = [...placed].sort((a, b) => count(b) - count(a));
    const taken = new Set();
    const result = [];
    for (const entry of order) {
      if (taken.has(entry)) continue;
      taken.add(entry);
      const group = [entry];
      for (const other of order) {
        if (!taken.has(other) && entry.point.distanceTo(other.point) < clusterOptions.minSeparation) {
          taken.add(other);
          group.push(other);
        }
      }
      if (group.length === 1) {
        result.push(entry);
        continue;
      }
      const total = group.reduce((sum, member) => sum + count(member), 0);
      const weighted = (pick) => group.reduce((sum, member) => sum + pick(member) * count(member), 0) / total;
      const latLng = L.latLng(weighted((m) => m.latLng.lat), weighted((m) => m.latLng.lng));
      const members = group.map((member) => member.item);
      const key = `j${members.map((m) => (m.properties.cluster ? `c${m.properties.cluster_id}` : m.id)).sort().join('+')}`;
      result.push({ item: { joined: true, key, members, count: total }, latLng, point: this._map.project(latLng, Math.round(this._map.getZoom())) });
    }
    placed.splice(0, placed.length, ...result);
  },

  _joinedMarker(item, latLng) {
    let marker = this._clusterMarkers.get(item.key);
    if (!marker) {
      marker = L.marker(latLng, { icon: this._handlers.clusterIcon(item.count), keyboard: true });
      marker.clusterId = item.key;
      marker.members = item.members;
      marker.count = item.count;
      // The city a smaller cluster is told apart by when a bigger one opens (openCluster).
      const [first] = item.members;
      marker.firstCity = first.properties.cluster ? first.properties.first : first.id;
      this._clusterMarkers.set(item.key, marker);
    }
    return marker;
  },

  /**
   * Asks the index what the view holds and draws it; resolves when all its markers are placed, or at once when a
   * newer drawing (or the map gone) takes over, which adds what it still needs itself.
   */
  _render() {
    const map = this._map;
    if (!map || this._index === null) return Promise.resolve();
    const drawing = ++this._drawings;
    const current = () => drawing === this._drawings && this._map === map;
    const zoom = Math.round(map.getZoom());
    const padded = map.getBounds().pad(clusterOptions.padding);
    const bbox = [Math.max(-180, padded.getWest()), Math.max(-85, padded.getSouth()), Math.min(180, padded.getEast()), Math.min(85, padded.getNorth())];
    this._drawing = this._source.clusters(this._index, bbox, zoom).then((items) => {
      // null: the index was dropped for newer ones meanwhile; their drawing is on its way.
      if (!current() || items === null) return;
      const next = this._placeAll(items, zoom);
      const focused = document.activeElement;
      // A new index can give a new cluster an old one's id: the old marker goes, not only ids no longer drawn.
      for (const [key, layer] of this._drawn) if (next.get(key) !== layer) this.removeLayer(layer);
      this._drawn = next;
      // Making and placing a marker costs a phone a few milliseconds, and the padding holds most of what is drawn
      // (three quarters of the markers at Europe's zoom): what the view shows comes first, then the rest, a slice
      // per task, so neither the first view nor a zoom holds the main thread for long.
      const inView = map.getBounds();
      const missing = [...next.values()].filter((layer) => !this.hasLayer(layer));
      const queue = [...missing.filter((layer) => inView.contains(layer.getLatLng())), ...missing.filter((layer) => !inView.contains(layer.getLatLng()))];
      return new Promise((resolve) => {
        const slice = () => {
          if (!current()) return resolve();
          for (const layer of queue.splice(0, clusterOptions.slice)) this.addLayer(layer);
          if (queue.length) return setTimeout(slice, 0);
          // Reading order in the DOM is Tab order: move the kept ones into place (a move loses focus; give it back).
          const pane = map.getPane('markerPane');
          for (const layer of next.values()) {
            const element = layer.getElement();
            if (element) pane.appendChild(element);
          }
          if (focused && focused !== document.activeElement && pane.contains(focused)) focused.focus({ preventScroll: true });
          this.fire('rendered');
          resolve();
        };
        slice();
      });
    });
    return this._drawing;
  },

  /** The markers for the index's items at this zoom, by key, in reading order; joined or fanned out for room. */
  _placeAll(items, zoom) {
    const map = this._map;
    const placed = items.map((item) => {
      const [lon, lat] = item.geometry.coordinates;
      const latLng = L.latLng(lat, lon);
      return { item, latLng, point: map.project(latLng, zoom) };
    });
    if (zoom > clusterOptions.clusterMaxZoom) this._fanOut(placed, zoom);
    else this._joinOverlapping(placed);
    placed.sort((a, b) => Math.floor(a.point.y / clusterOptions.bandHeight) - Math.floor(b.point.y / clusterOptions.bandHeight) || a.point.x - b.point.x);

    const next = new Map();
    for (const { item, latLng } of placed) {
      if (item.joined) {
        next.set(item.key, this._joinedMarker(item, latLng));
      } else if (item.properties.cluster) {
        next.set(`c${item.properties.cluster_id}`, this._clusterMarker(item, latLng));
      } else {
        const marker = this._handlers.markerFor(item.id);
        if (!marker.getLatLng().equals(latLng)) marker.setLatLng(latLng);
        marker.firstCity = item.id;
        next.set(item.id, marker);
      }
    }
    return next;
  },

  /** Cities within fanDistance of each other at this zoom get places on a circle around their middle. */
  _fanOut(placed, zoom) {
    const map = this._map;
    const cell = clusterOptions.fanDistance;
    const groups = new Map();
    for (const entry of placed) {
      const key = `${Math.round(entry.point.x / cell)},${Math.round(entry.point.y / cell)}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(entry);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      group.sort((a, b) => this._handlers.compare(a.item.properties.name ?? '', b.item.properties.name ?? ''));
      const middle = group.reduce((sum, entry) => sum.add(entry.point), L.point(0, 0)).divideBy(group.length);
      group.forEach((entry, i) => {
        const angle = -Math.PI / 2 + (2 * Math.PI * i) / group.length;
        entry.point = middle.add(L.point(Math.cos(angle), Math.sin(angle)).multiplyBy(clusterOptions.fanRadius));
        entry.latLng = map.unproject(entry.point, zoom);
      });
    }
  },

  _clusterMarker(item, latLng) {
    const id = item.properties.cluster_id;
    let marker = this._clusterMarkers.get(id);
    if (!marker) {
      marker = L.marker(latLng, { icon: this._handlers.clusterIcon(item.properties.point_count), keyboard: true });
      marker.clusterId = id;
      marker.count = item.properties.point_count;
      marker.firstCity = item.properties.first;
      this._clusterMarkers.set(id, marker);
    }
    return marker;
  },
});
