// The share section of a page (Pages/Shared/_Share.cshtml): the link and the embed code are there without
// scripts; this adds the buttons that copy them and the one that prints. Arriving with #print (the map's
// panel links so) opens the print dialog once.

import { copyText } from './share.js';

for (const section of document.querySelectorAll('[data-role=share]')) {
  const status = section.querySelector('[data-role=share-status]');
  const say = (worked) => { status.textContent = worked ? status.dataset.copied : status.dataset.failed; };
  for (const button of section.querySelectorAll('[data-copy], [data-copy-from]')) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      status.textContent = '';
      const text = button.dataset.copy ?? document.getElementById(button.dataset.copyFrom)?.value ?? '';
      say(await copyText(text));
    });
  }
  for (const button of section.querySelectorAll('[data-role=print]')) {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  }
}

if (location.hash === '#print' && document.querySelector('[data-role=share]')) {
  history.replaceState(null, '', location.pathname + location.search);
  addEventListener('load', () => window.print(), { once: true });
}
