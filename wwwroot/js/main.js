// The map page: one explorer, its options (language, interface text, links) written into the page by the server.

import { createExplorer } from './explorer.js';

const options = JSON.parse(document.getElementById('explorer-options').textContent);
createExplorer(document.querySelector('[data-explorer]'), options);
