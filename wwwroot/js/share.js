// Sharing a city: copying to the clipboard, and the share block of the map's city panel (link, card, embed code,
// print). The embed code is the server's own (oEmbed), so the panel never writes a snippet of its own.

import { linkTo } from './options.js';
import { el } from './text.js';

/** Copies text; true when it worked. The older way (a selected textarea) where the Clipboard API is missing or refused. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = el('textarea', { readOnly: true, className: 'visually-hidden' });
    area.value = text;
    document.body.append(area);
    area.select();
    const done = document.execCommand?.('copy') ?? false;
    area.remove();
    return done;
  }
}

/** The embed code for a page of this site, as the oEmbed endpoint writes it. */
export async function embedCode(pageUrl) {
  const response = await fetch(`/oembed?url=${encodeURIComponent(pageUrl)}&format=json`);
  if (!response.ok) throw new Error(`oEmbed answered ${response.status}`);
  return (await response.json()).html;
}

/**
 * The panel's share block, or null when the page gives no card link (the embed shows none).
 * @param {{locale: object, links: {city: string, card?: string, embedBuilder?: string}, slug: string, name: string}} context
 */
export function shareBlock({ locale, links, slug, name }) {
  if (!links.card) return null;
  const page = new URL(linkTo(links.city, { slug }), location.href).href;
  const status = el('p', { className: 'panel__share-status', role: 'status' });
  // Emptied first, so a second copy is announced again.
  const say = (worked) => { status.textContent = worked === null ? '' : locale.text(worked ? 'share.copied' : 'share.copyFailed'); };
  const button = (text, role, action) => {
    const b = el('button', { type: 'button', className: 'button', 'data-role': role }, text);
    b.addEventListener('click', action);
    return b;
  };
  return el('div', { className: 'panel__share', 'data-role': 'share' },
    el('h3', {}, locale.text('share.heading')),
    el('p', { className: 'panel__share-actions' },
      button(locale.text('share.copyLink'), 'copy-link', async () => { say(null); say(await copyText(page)); }),
      ' ',
      button(locale.text('share.copyEmbed'), 'copy-embed', async () => { say(null); say(await embedCode(page).then(copyText, () => false)); }),
      ' ',
      el('a', { href: linkTo(links.card, { slug }), download: `${slug}.png`, 'data-role': 'share-card' }, locale.text('share.card')),
      ' · ',
      el('a', { href: `${linkTo(links.city, { slug })}#print`, 'data-role': 'share-print' }, locale.text('share.print', { name })),
      links.embedBuilder ? ' · ' : '',
      links.embedBuilder ? el('a', { href: linkTo(links.embedBuilder, { slug }), 'data-role': 'embed-builder' }, locale.text('share.embedBuilder')) : ''),
    status);
}
