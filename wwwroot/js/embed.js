// The embedded map (/{lang}/embed): the map's explorer, reading its filters from the frame's address but never
// writing history (inside a frame each entry would become a step of the host page's back button).

import { createExplorer } from './explorer.js';

const options = JSON.parse(document.getElementById('explorer-options').textContent);
const root = document.querySelector('[data-explorer]');

// Roomy frames show the list of cities beside the map; small ones keep it folded below, a click away.
root.querySelector('[data-role=embed-list]').open = matchMedia('(min-width: 760px) and (min-height: 420px)').matches;

// <base target="_blank"> sends every link out of the frame; the ones the explorer makes get noopener as well,
// so the opened page cannot reach back into the host page.
document.addEventListener('click', (event) => {
  const link = event.target.closest?.('a[href]');
  if (!link) return;
  if (link.target !== '_top') link.target = '_blank';
  link.relList.add('noopener');
}, true);

createExplorer(root, options);
