// The map page: one explorer, its options (language, interface text, links) written into the page by the server,
// and on phones the map and list as two views (views.js).

import { createExplorer } from './explorer.js';
import { phoneViews } from './views.js';

// Evaluating the explorer's modules is a task's worth of work on a phone; making the map is the next.
await new Promise((resolve) => setTimeout(resolve, 0));

const options = JSON.parse(document.getElementById('explorer-options').textContent);
const root = document.querySelector('[data-explorer]');
const { map } = createExplorer(root, options);
phoneViews(root, map);
