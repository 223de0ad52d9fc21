// The city panel: what a city has committed to (status, date, source), its networks, its latest news and a
// link to its page. Details load from /api/cities/{slug} when the panel opens, never up front. It is a
// dialog-like region, not modal: the map and list stay usable while it is open.

import { fetchCity } from './api.js';
import { countryName, el, formatPartialDate, safeHref } from './text.js';

const panelOptions = { latestNews: 5 };

const statusNames = {
  announced: 'Announced',
  decided: 'Decided',
  implemented: 'Implemented',
  revoked: 'Revoked',
};

export class CityPanel {
  /**
   * @param {HTMLElement} root
   * @param {() => void} onCloseRequest  the close button was used (the owner updates the URL and calls close)
   */
  constructor(root, onCloseRequest) {
    this.root = root;
    this.title = root.querySelector('[data-role=panel-title]');
    this.body = root.querySelector('[data-role=panel-body]');
    this.slug = null;
    this.returnFocusTo = null;
    this.loading = null;
    root.querySelector('[data-role=close]').addEventListener('click', () => onCloseRequest());
  }

  get isOpen() {
    return !this.root.hidden;
  }

  /**
   * Opens a city. `summary` (the layer's properties) shows at once; the details follow.
   * @param {() => HTMLElement|null} returnFocusTo  where focus goes back on close (looked up then: markers come and go)
   */
  async open(slug, summary, returnFocusTo, { focus = true } = {}) {
    this.loading?.abort();
    this.loading = new AbortController();
    this.slug = slug;
    this.returnFocusTo = returnFocusTo;
    this.root.hidden = false;
    this.root.dataset.city = slug;
    this.root.setAttribute('aria-busy', 'true');
    this.title.textContent = summary?.name ?? slug;
    this.body.replaceChildren(el('p', { className: 'panel__status', role: 'status' }, 'Loading the city’s commitments and news…'));
    if (focus) this.root.focus();
    try {
      const city = await fetchCity(slug, this.loading.signal);
      if (this.slug !== slug) return;
      this.#render(city);
    } catch (error) {
      if (error.name === 'AbortError') return;
      const retry = el('button', { type: 'button', className: 'button' }, 'Try again');
      retry.addEventListener('click', () => this.open(slug, summary, returnFocusTo));
      this.body.replaceChildren(el('p', { className: 'panel__error', role: 'alert' }, `This city could not be loaded: ${error.message}`), retry);
    } finally {
      if (this.slug === slug) this.root.removeAttribute('aria-busy');
    }
  }

  /** Closes the panel and puts focus back where the city was opened from. */
  close({ restoreFocus = true } = {}) {
    if (!this.isOpen) return;
    this.loading?.abort();
    this.root.hidden = true;
    this.slug = null;
    delete this.root.dataset.city;
    const target = restoreFocus ? this.returnFocusTo?.() : null;
    this.returnFocusTo = null;
    target?.focus();
  }

  #render(feature) {
    const city = feature.properties;
    this.title.textContent = city.name;
    const cityPage = `/cities/${encodeURIComponent(feature.id)}`;
    const parts = [
      el('p', { className: 'panel__where' }, [city.region, countryName(city.country)].filter(Boolean).join(', ')),
      el('h3', {}, 'Commitments'),
      city.commitments.length
        ? el('ul', { className: 'panel__commitments' }, ...city.commitments.map((c) => this.#commitment(c)))
        : el('p', {}, 'No commitment recorded yet.'),
      city.networks.length ? el('h3', {}, 'Networks') : null,
      city.networks.length ? el('ul', { className: 'panel__networks' }, ...city.networks.map((n) => this.#network(n))) : null,
      el('h3', {}, 'News'),
      city.news.length
        ? el('ul', { className: 'panel__news' }, ...city.news.slice(0, panelOptions.latestNews).map((post) =>
          el('li', {}, el('a', { href: post.url }, post.title), ' ',
            el('time', { dateTime: post.publishedAt }, formatPartialDate(post.publishedAt)))))
        : el('p', {}, 'No news about this city yet.'),
      el('p', { className: 'panel__more' }, el('a', { href: cityPage, 'data-role': 'city-page' }, `All about ${city.name}`)),
    ];
    this.body.replaceChildren(...parts.filter(Boolean));
  }

  #commitment(commitment) {
    const swatch = el('span', { className: 'legend__swatch', 'aria-hidden': 'true' });
    swatch.style.background = commitment.color;
    const source = safeHref(commitment.sourceUrl);
    const facts = [statusNames[commitment.status] ?? commitment.status, formatPartialDate(commitment.date)].filter(Boolean).join(', ');
    return el('li', { 'data-commitment': commitment.type },
      el('p', { className: 'panel__commitment-title' }, swatch, el('strong', {}, commitment.title.en), facts ? ` · ${facts}` : ''),
      commitment.summary ? el('p', {}, commitment.summary) : null,
      source ? el('p', {}, el('a', { href: source, rel: 'noopener', className: 'panel__source', 'data-role': 'source' }, 'Source')) : null);
  }

  #network(network) {
    const href = safeHref(network.url ?? '');
    return el('li', {}, href ? el('a', { href, rel: 'noopener' }, network.name) : network.name,
      network.date ? ` since ${formatPartialDate(network.date)}` : '');
  }
}
