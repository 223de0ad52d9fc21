// Small maps on the city and news pages: the cities named in data-mini-map, outlines beneath, tiles if
// configured, each city a link to its page (data-city-address, in the page's language). The page reads completely without it.

import { addBasemap } from './basemap.js';
import { lonLatToLatLng } from './geo.js';

const L = globalThis.L;

const miniMapOptions = {
  singleCityZoom: 9,
  padding: [24, 24],
};

for (const element of document.querySelectorAll('[data-mini-map]')) {
  const points = JSON.parse(element.dataset.miniMap);
  // The zoom buttons' titles come from the page, in its language (Leaflet's are English).
  const map = L.map(element, { scrollWheelZoom: false, maxZoom: 16, zoomControl: false });
  L.control.zoom({ zoomInTitle: element.dataset.zoomIn, zoomOutTitle: element.dataset.zoomOut }).addTo(map);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  const latLngs = points.map((p) => lonLatToLatLng(p.longitude, p.latitude));
  points.forEach((point, i) => {
    L.circleMarker(latLngs[i], { radius: 7, color: '#fff', weight: 2, fillColor: '#0b5cad', fillOpacity: 1 })
      .bindTooltip(point.name)
      .on('click', () => { location.href = element.dataset.cityAddress.replace('{slug}', encodeURIComponent(point.slug)); })
      .addTo(map);
  });
  if (latLngs.length === 1) map.setView(latLngs[0], miniMapOptions.singleCityZoom);
  else map.fitBounds(L.latLngBounds(latLngs), { padding: miniMapOptions.padding });
  addBasemap(map).catch(() => {});
}
