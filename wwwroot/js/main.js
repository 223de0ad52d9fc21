// The map page: one explorer, its options (language, interface text, links) written into the page by the server,
// and on phones the map and list as two views (views.js).

import { createExplorer } from './explorer.js';
import { phoneViews } from './views.js';

const options = JSON.parse(document.getElementById('explorer-options').textContent);
const root = document.querySelector('[data-explorer]');
const { map } = createExplorer(root, options);
phoneViews(root, map);
