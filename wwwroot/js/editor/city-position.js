// The position map of the city forms: a marker at the typed coordinates that can be dragged to correct them;
// dragging writes the coordinates back, typing moves the marker.

import { addBasemap } from '../basemap.js';
import { latLngToPosition, lonLatToLatLng } from '../geo.js';
import { text } from './editor-text.js';

const L = globalThis.L;
const positionOptions = { zoom: 11, worldZoom: 4 };

for (const fieldset of document.querySelectorAll('[data-role=position]')) {
  const latitude = fieldset.querySelector('[data-role=latitude]');
  const longitude = fieldset.querySelector('[data-role=longitude]');
  const typed = () => lonLatToLatLng(Number(longitude.value), Number(latitude.value));
  const known = latitude.value !== '' && !(Number(latitude.value) === 0 && Number(longitude.value) === 0);

  // The zoom buttons' titles in the editor's language (Leaflet's are English).
  const map = L.map(fieldset.querySelector('[data-position-map]'), { maxZoom: 18, zoomControl: false })
    .setView(known ? typed() : [51, 10], known ? positionOptions.zoom : positionOptions.worldZoom);
  L.control.zoom({ zoomInTitle: text('Script.Map.ZoomIn'), zoomOutTitle: text('Script.Map.ZoomOut') }).addTo(map);
  addBasemap(map).catch(() => {});

  const marker = L.marker(known ? typed() : map.getCenter(), { draggable: true, title: text('Script.Position.Marker'), keyboard: true }).addTo(map);
  marker.on('dragend', () => {
    const [lon, lat] = latLngToPosition(marker.getLatLng());
    longitude.value = String(lon);
    latitude.value = String(lat);
  });
  for (const input of [latitude, longitude]) {
    input.addEventListener('change', () => {
      if (Number.isFinite(Number(latitude.value)) && Number.isFinite(Number(longitude.value))) {
        marker.setLatLng(typed());
        map.panTo(typed());
      }
    });
  }
}
