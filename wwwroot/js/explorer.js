// The explorer: a map of the cities with its search, legend-filter, list and city panel, made from a root
// element and options. Every element is looked up inside the root by its data-role, and every word comes from
// the options, so the same code serves the full map in German or English and a map embedded in another page.
//
//   createExplorer(document.querySelector('[data-explorer]'), { lang: 'de', strings, links, fixedFilter, writesHistory, readsAddress })
//
// See options.js for the options and `roles` below for the elements the root must hold.

import { fetchCities, fetchCommitmentTypes } from './api.js';
import { addBasemap } from './basemap.js';
import { CityPanel } from './panel.js';
import { CityList, byName } from './list.js';
import { CitySearch } from './search.js';
import { Filters } from './filters.js';
import { NearMe } from './near.js';
import { boundsOfFeatures, featureLatLng } from './geo.js';
import { createLocale } from './locale.js';
import { clusterIconFactory, createMarker, iconFactory, markerTitle } from './markers.js';
import { familyOrderOf } from './marker-look.js';
import { ClusterLayer } from './cluster-layer.js';
import { readOptions } from './options.js';
import { allStatuses, complete, facetCounts, isEmpty, matcher, sameSelection, within, yearBounds } from './selection.js';
import { commitmentsPerYear } from './timeline.js';
import { TimelineControl } from './timeline-control.js';
import { YearChart } from './year-chart.js';
import { formatView, parseView, toSearch } from './url-state.js';
import { sortOutUnknown } from './unknown-filters.js';
import { el } from './text.js';
import { whenShown } from './shown.js';
import { addressBar, addressOnly, noAddressBar } from './history.js';

const L = globalThis.L;

/**
 * Lets the page breathe between steps of work: input and painting get their turn, so loading 800 cities (or a
 * filter change over 100,000) never holds the main thread for one long task.
 */
const yieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0));

const mapOptions = {
  europe: { center: [51, 10], zoom: 4 },
  // 3 still shows all of Europe; 16 shows streets, far closer than any city's point means.
  minZoom: 3,
  maxZoom: 16,
  openZoom: 10,           // choosing a city flies to a regional view (never closer than the map already is)
  fitPadding: [24, 24],
  fitMaxZoom: 9,          // refitting to one city should not zoom in to street level
};

/** The elements an explorer's root holds, by their data-role. */
export const roles = Object.freeze([
  'map', 'status', 'status-text', 'retry',
  'search-input', 'search-options',
  'filters', 'commitment-types', 'statuses', 'year-from', 'year-to', 'years-output', 'undated', 'country', 'region', 'reset',
  'timeline-play', 'timeline-back', 'timeline-forward', 'timeline-year', 'chart',
  'near-me', 'near-place', 'near-place-input', 'near-status', 'near-list',
  'summary', 'notice', 'only-in-view', 'city-list', 'more',
  'panel', 'panel-title', 'panel-body', 'close',
]);

/**
 * The root's elements by role, the first of each in document order; a missing one is a markup mistake, said at once
 * rather than as a later TypeError. One walk of the root: a query per role walked the page's whole filter and list
 * markup 37 times, a noticeable part of the start on a phone.
 */
function findParts(root) {
  const parts = Object.fromEntries(roles.map((role) => [role, null]));
  for (const element of root.querySelectorAll('[data-role]')) {
    const role = element.dataset.role;
    if (parts[role] === null) parts[role] = element;
  }
  const missing = roles.filter((role) => !parts[role]);
  if (missing.length) throw new Error(`The explorer's root lacks ${missing.map((role) => `[data-role=${role}]`).join(', ')}.`);
  return parts;
}

/**
 * Makes the explorer in `root` and starts loading the cities.
 * @param {HTMLElement} root
 * @param {object} givenOptions  see options.js
 */
export function createExplorer(root, givenOptions) {
  const options = readOptions(givenOptions);
  const locale = createLocale(options.lang, options.strings, options.countries);
  const store = options.writesHistory ? addressBar : options.readsAddress ? addressOnly : noAddressBar;
  const page = findParts(root);
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;

  /** An error from loading, in words: the server's own problem title when it gave one. */
  const reason = (error) => {
    if (error?.kind === 'unreachable') return locale.text('error.unreachable');
    if (error?.kind === 'status') return error.title ?? locale.text('error.status', { status: error.status });
    return locale.text('error.unknown');
  };

  // The map is made here, and given its view and then its controls in tasks of their own (boot, below): setting the
  // view makes the browser lay the page out, and all of it in one task was the longest task of a phone's start.
  const map = L.map(page.map, {
    minZoom: mapOptions.minZoom, maxZoom: mapOptions.maxZoom, zoomControl: false, attributionControl: false, worldCopyJump: true,
  });

  let state; // what the address asks for, read when the start begins
  let cities = [];
  const citiesBySlug = new Map();
  const markersBySlug = new Map();
  let shown = [];
  let clusters;
  let placements = 0;
  let filters;
  let list;
  let bounds;
  let chart;
  let timeline;
  let panel;
  let near;

  function setStatus(mapState, text) {
    root.dataset.mapState = mapState;
    page['status-text'].textContent = text;
    page.status.hidden = mapState === 'ready';
    page.retry.hidden = mapState !== 'error';
  }

  function showSummary() {
    const summary = shown.length === cities.length
      ? locale.plural('summary.all', cities.length)
      : locale.plural('summary.matching', cities.length, { shown: shown.length, total: cities.length });
    // Districts are counted apart from cities and towns: their councils speak for more (or less) than one place.
    let districts = 0;
    for (const feature of shown) if (feature.properties.kind === 'district') districts++;
    page.summary.textContent = districts === 0 ? summary
      : `${summary} ${locale.text('summary.kinds', { municipalities: shown.length - districts, districts })}`;
  }

  /**
   * Shows the cities matching the selection on the map and in the list; resolves when the markers are placed. The
   * summary (and the refit) at once, then one task per step, each painted before the next: on a phone under load
   * a step of a few dozen milliseconds is all a tap should wait for. A newer selection arriving meanwhile carries on
   * from its own first step instead.
   */
  function applyFilters(selection, { refit }) {
    state = { ...state, ...complete(selection) };
    filters.set(selection);
    const keeps = matcher(selection);
    shown = cities.filter((feature) => keeps(feature.properties));
    showSummary();
    if (refit && shown.length) {
      map.fitBounds(boundsOfFeatures(shown), { padding: mapOptions.fitPadding, maxZoom: mapOptions.fitMaxZoom, animate: !reducedMotion });
    }
    root.dataset.mapState = 'updating';
    const placement = ++placements;
    // The legend, the chart and the list only where they are shown (shown.js): on a phone they wait for their view.
    const chartState = state;
    const steps = [
      () => whenShown(page.filters, () => filters.showCounts(facetCounts(cities, selection))),
      () => {
        whenShown(page.chart, () => chart.show(commitmentsPerYear(cities, selection, bounds), chartState));
        timeline.follow(state.to);
      },
      () => {
        updateList();
        near.setCities(shown);
      },
      () => clusters.index(shown),
      () => clusters.draw().then(() => {
        if (placement !== placements) return;
        setStatus('ready', '');
        performance.mark('map-ready');
      }),
    ];
    return steps.reduce((done, step) => done.then(yieldToPage).then(() => {
      if (placement === placements) return step();
    }), Promise.resolve());
  }

  /**
   * Says which filters of the address were left out, each with the closest known one as a link. The notice stays
   * until the next filter change: the reader should see why the map shows more than the address asked for.
   */
  function showUnknown(unknown, known, typesByKey) {
    const notice = page.notice;
    notice.replaceChildren();
    notice.hidden = unknown.length === 0;
    for (const { filter, value, suggestion } of unknown) {
      const name = !suggestion ? null
        : filter === 'commitments' ? locale.pick(typesByKey.get(suggestion.value)?.title).text || suggestion.value
          : filter === 'countries' ? locale.country(suggestion.value) : suggestion.value;
      const line = el('p', {}, locale.text('notice.unknown', { value }));
      if (suggestion) {
        const instead = { ...known, [filter]: [...known[filter], suggestion.value] };
        line.append(' ', el('a', { href: `${location.pathname}${toSearch(instead)}` }, locale.text('notice.suggestion', { name })));
      }
      notice.append(line);
    }
  }

  function updateList() {
    whenShown(page['city-list'], () => {
      if (!page['only-in-view'].checked) return list.show(shown);
      const bounds = map.getBounds();
      list.show(shown.filter((feature) => bounds.contains(featureLatLng(feature))));
    });
  }

  function markerElement(slug) {
    return markersBySlug.get(slug)?.getElement() ?? null;
  }

  function markSelected(slug) {
    for (const element of root.querySelectorAll('.city-marker--selected')) element.classList.remove('city-marker--selected');
    if (slug) markerElement(slug)?.classList.add('city-marker--selected');
  }

  /**
   * Brings a city's own marker into view: at the zoom where no city is clustered (a regional view, not streets),
   * kept if the map is already closer.
   */
  function revealMarker(slug) {
    const feature = citiesBySlug.get(slug);
    if (!feature || !clusters.holds(slug)) return Promise.resolve();
    const latLng = featureLatLng(feature);
    const zoom = Math.max(map.getZoom(), mapOptions.openZoom, clusters.ownZoom);
    if (map.getBounds().contains(latLng) && map.getZoom() === zoom) return Promise.resolve();
    return new Promise((resolve) => {
      map.once('moveend', resolve);
      if (reducedMotion) map.setView(latLng, zoom, { animate: false });
      else map.flyTo(latLng, zoom, { duration: 0.6 });
    });
  }

  /** The panel floats over the map's right side (bottom on phones): pan so the open city is not beneath it. */
  function keepClearOfPanel(slug) {
    const feature = citiesBySlug.get(slug);
    const panelBox = page.panel.getBoundingClientRect();
    const mapBox = map.getContainer().getBoundingClientRect();
    if (!feature || panelBox.width === 0) return;
    // A fanned-out marker stands beside its city's point; one not made yet stands on it.
    const latLng = markersBySlug.get(slug)?.getLatLng() ?? featureLatLng(feature);
    const coversRight = panelBox.left > mapBox.left + 1; // a side panel; on phones it is a bottom sheet
    const right = coversRight ? Math.max(0, mapBox.right - panelBox.left) + 16 : 16;
    const bottom = coversRight ? 16 : Math.max(0, mapBox.bottom - panelBox.top) + 16;
    map.panInside(latLng, { paddingTopLeft: [16, 16], paddingBottomRight: [right, bottom], animate: !reducedMotion });
  }

  /**
   * Opens a city in the panel and highlights it on the map and in the list.
   * @param {'marker'|'list'|'near'|'search'|'url'} from  where it was chosen: decides whether the map moves and where focus returns
   */
  async function openCity(slug, from, { push = true } = {}) {
    const feature = citiesBySlug.get(slug);
    if (!feature) {
      setStatus('ready', '');
      page.summary.textContent = locale.text('summary.unknownCity', { slug });
      if (push) store.push({ ...state, city: null });
      return;
    }
    state = { ...state, city: slug };
    if (push) store.push(state);
    list.highlight(slug);
    const returnFocusTo = from === 'marker'
      ? () => markerElement(slug) ?? list.button(slug)
      : from === 'search' ? () => page['search-input']
        : from === 'near' ? () => near.button(slug) ?? list.button(slug)
          : () => list.button(slug) ?? markerElement(slug);
    const opening = panel.open(slug, feature.properties, returnFocusTo, { focus: from !== 'url' });
    if (from !== 'marker') await revealMarker(slug);
    keepClearOfPanel(slug);
    markSelected(slug);
    await opening;
  }

  function closeCity({ push = true, restoreFocus = true } = {}) {
    if (!state.city && !panel.isOpen) return;
    state = { ...state, city: null };
    if (push) store.push(state);
    panel.close({ restoreFocus });
    list.highlight(null);
    markSelected(null);
  }

  /** A back/forward step or a reload: show what the URL says, without adding history. */
  async function restore(next) {
    const view = parseView(next.view);
    if (!sameSelection(next, state)) await applyFilters(next, { refit: !view });
    if (view) map.setView(view.center, view.zoom, { animate: false });
    if (next.city && next.city !== panel.slug) await openCity(next.city, 'url', { push: false });
    else if (!next.city && panel.isOpen) closeCity({ push: false, restoreFocus: false });
    state = { ...next, view: state.view };
  }

  function createMarkers(typesByKey) {
    const iconFor = iconFactory(typesByKey, familyOrderOf([...typesByKey.values()]));
    citiesBySlug.clear();
    markersBySlug.clear();
    for (const feature of cities) citiesBySlug.set(feature.id, feature);
    // A city's marker is made the first time the map shows it on its own: at Europe's zoom nearly all are inside
    // clusters, and making a thousand markers up front was one of the longest tasks on a phone.
    const markerFor = (slug) => {
      let marker = markersBySlug.get(slug);
      if (!marker) {
        const feature = citiesBySlug.get(slug);
        marker = createMarker(feature, iconFor(feature.properties), markerTitle(feature.properties, typesByKey, locale));
        marker.citySlug = slug;
        markersBySlug.set(slug, marker);
      }
      return marker;
    };
    performance.mark('markers-created');
    clusters = new ClusterLayer({ markerFor, clusterIcon: clusterIconFactory(locale), compare: locale.compare });
    const openCluster = (marker, focus) => clusters.openCluster(marker, { focus, animate: !reducedMotion });
    clusters.on('click', (event) => {
      if (event.layer.clusterId === undefined) openCity(event.layer.citySlug, 'marker');
      else openCluster(event.layer, false);
    });
    // Markers are role=button: Enter and Space act like a click (Leaflet only does so for bound popups).
    const activates = (event) => event.originalEvent.key === 'Enter' || event.originalEvent.key === ' ';
    clusters.on('keypress', (event) => {
      if (!activates(event)) return;
      event.originalEvent.preventDefault();
      if (event.layer.clusterId === undefined) openCity(event.layer.citySlug, 'marker');
      else openCluster(event.layer, true);
    });
    clusters.on('rendered', () => markSelected(state.city));
    map.addLayer(clusters);
  }

  async function start() {
    state = store.read();
    setStatus('loading', locale.text('map.loading'));
    let types;
    let layer;
    try {
      const loading = Promise.all([fetchCommitmentTypes(), fetchCities()]);
      await locale.prepare(yieldToPage);
      [types, layer] = await loading;
    } catch (error) {
      setStatus('error', locale.text('map.error', { reason: reason(error) }));
      return;
    }
    performance.mark('cities-loaded');
    addBasemap(map).catch(() => { /* no tiles and no outlines: the markers alone still work */ });
    // The cities' JSON was parsed in this task: sorting and making the markers each get a task of their own.
    await yieldToPage();

    const fixed = options.fixedFilter;
    // A fixed filter's types are all the legend offers: the others would always count 0.
    const legendTypes = fixed?.commitments.length ? types.filter((type) => fixed.commitments.includes(type.key)) : types;
    const typesByKey = new Map(types.map((type) => [type.key, type]));
    cities = within(layer.features, fixed).sort(byName(locale));
    await yieldToPage();
    createMarkers(typesByKey);
    await yieldToPage();

    const countries = [...new Set(cities.map((f) => f.properties.country))];
    filters = new Filters(page.filters, { types: legendTypes, countries, features: cities }, locale, (selection) => {
      page.notice.hidden = true;
      applyFilters(selection, { refit: true });
      store.push(state); // the refit's moveend then writes the new view into this entry
    });
    await yieldToPage();
    bounds = yearBounds(cities);
    chart = new YearChart(page.chart, new Map(legendTypes.map((type) => [type.key, type])), locale);
    // Playing moves the end of the year range: the address follows, without a history entry per year.
    timeline = new TimelineControl(page, bounds, locale, (year) => {
      const placed = applyFilters({ ...state, from: null, to: year }, { refit: false });
      store.replace(state);
      return placed;
    });
    list = new CityList(page['city-list'], page.more, typesByKey, locale, (slug) => openCity(slug, 'list'));
    await yieldToPage();
    new CitySearch(page['search-input'], page['search-options'], locale, (slug) => openCity(slug, 'search')).setCities(cities);
    near = new NearMe({
      button: page['near-me'], form: page['near-place'], input: page['near-place-input'], status: page['near-status'], list: page['near-list'],
    }, { locale, map, reason, reducedMotion }, (slug) => openCity(slug, 'near'));
    panel = new CityPanel(page.panel, { locale, links: options.links, reason }, () => closeCity());
    await yieldToPage();

    const { state: initial, unknown } = sortOutUnknown(store.read(), {
      commitments: legendTypes.map((type) => ({ value: type.key, labels: [type.title?.de, type.title?.en].filter(Boolean) })),
      statuses: allStatuses.map((status) => ({ value: status, labels: [] })),
      // A country the reader's language can name is a country, cities or not; only other codes are unknown.
      countries: [...new Set([...countries, ...store.read().countries.filter((code) => locale.country(code) !== code)])]
        .map((code) => ({ value: code, labels: [locale.country(code)] })),
    });
    showUnknown(unknown, initial, typesByKey);
    const view = parseView(initial.view);
    await applyFilters(initial, { refit: !view && (!isEmpty(initial) || fixed !== null) });
    if (view) map.setView(view.center, view.zoom, { animate: false });
    if (unknown.length) store.replace(state); // the address says what the map shows
    if (initial.city) await openCity(initial.city, 'url', { push: false });

    map.on('moveend', () => {
      state.view = formatView(map.getCenter(), map.getZoom());
      store.replace(state);
      if (page['only-in-view'].checked) updateList();
      markSelected(state.city);
    });
    page['only-in-view'].addEventListener('change', updateList);
    store.onStep(restore);
    addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && panel.isOpen) closeCity();
    });
  }

  /** The map's first view, its controls, then the cities: a task each. */
  async function boot() {
    await yieldToPage();
    map.setView(mapOptions.europe.center, mapOptions.europe.zoom);
    await yieldToPage();
    // Leaflet's own zoom buttons are titled in English: ours carry the page's language.
    L.control.zoom({ zoomInTitle: locale.text('map.zoomIn'), zoomOutTitle: locale.text('map.zoomOut') }).addTo(map);
    L.control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' }).addTo(map);
    await yieldToPage();
    start();
  }

  page.retry.addEventListener('click', start);
  boot();
  return { map, root, options };
}
