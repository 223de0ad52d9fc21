// The city panel: what a city has committed to (status, date, source), what it could do next (the types it has
// not made, each with how many cities have, linking to that section of its page), its networks, its latest news
// and a link to its page. Details load from /api/cities/{slug} when the panel opens, never up front. It is a
// dialog-like region, not modal: the map and list stay usable while it is open.

import { fetchCity } from './api.js';
import { linkTo } from './options.js';
import { el, safeHref } from './text.js';
import { shareBlock } from './share.js';

const panelOptions = { latestNews: 5, nextStepsSection: 'next-steps' };

export class CityPanel {
  /**
   * @param {HTMLElement} root  holds [data-role=panel-title], [data-role=panel-body] and [data-role=close]
   * @param {object} context
   * @param {ReturnType<import('./locale.js').createLocale>} context.locale
   * @param {{city: string, cityNews: string, news: string|null}} context.links
   * @param {(error: Error) => string} context.reason  an error in words
   * @param {() => void} onCloseRequest  the close button was used (the owner updates the URL and calls close)
   */
  constructor(root, { locale, links, reason }, onCloseRequest) {
    this.root = root;
    this.locale = locale;
    this.links = links;
    this.reason = reason;
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
    const { locale } = this;
    this.loading?.abort();
    this.loading = new AbortController();
    this.slug = slug;
    this.returnFocusTo = returnFocusTo;
    this.root.hidden = false;
    this.root.dataset.city = slug;
    this.root.setAttribute('aria-busy', 'true');
    this.title.textContent = summary?.name ?? slug;
    this.body.replaceChildren(el('p', { className: 'panel__status', role: 'status' }, locale.text('panel.loading')));
    if (focus) this.root.focus();
    try {
      const city = await fetchCity(slug, this.loading.signal);
      if (this.slug !== slug) return;
      this.#render(city);
    } catch (error) {
      if (error.name === 'AbortError') return;
      const retry = el('button', { type: 'button', className: 'button' }, locale.text('panel.retry'));
      retry.addEventListener('click', () => this.open(slug, summary, returnFocusTo));
      this.body.replaceChildren(
        el('p', { className: 'panel__error', role: 'alert' }, locale.text('panel.error', { reason: this.reason(error) })), retry);
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
    const { locale, links } = this;
    const city = feature.properties;
    const slug = feature.id;
    const news = city.news ?? [];
    const networks = city.networks ?? [];
    const nextSteps = city.nextSteps ?? [];
    this.title.textContent = city.name;
    const parts = [
      el('p', { className: 'panel__where' }, locale.place(city)),
      el('h3', {}, locale.text('panel.commitments')),
      ...(city.commitments.length ? this.#commitments(city, slug) : [el('p', {}, locale.text('panel.noCommitments'))]),
      el('h3', {}, locale.text('panel.nextSteps')),
      nextSteps.length
        ? el('ul', { className: 'panel__next-steps', 'data-role': 'next-steps' }, ...nextSteps.map((step) => this.#nextStep(step, slug)))
        : el('p', { 'data-role': 'next-steps' }, locale.text('panel.nextStepsAll', { name: city.name })),
      networks.length ? el('h3', {}, locale.text('panel.networks')) : null,
      networks.length ? el('ul', { className: 'panel__networks' }, ...networks.map((n) => this.#network(n))) : null,
      el('h3', {}, locale.text('panel.news')),
      news.length
        ? el('ul', { className: 'panel__news' }, ...news.slice(0, panelOptions.latestNews).map((post) => this.#post(post)))
        : el('p', {}, locale.text('panel.noNews')),
      news.length > panelOptions.latestNews
        ? el('p', {}, el('a', { href: linkTo(links.cityNews, { slug }), 'data-role': 'city-news' }, locale.text('panel.cityNews', { name: city.name })))
        : null,
      el('p', { className: 'panel__more' },
        el('a', { href: linkTo(links.city, { slug }), 'data-role': 'city-page' }, locale.text('panel.cityPage', { name: city.name }))),
      shareBlock({ locale, links, slug, name: city.name }),
    ];
    this.body.replaceChildren(...parts.filter(Boolean));
  }

  /**
   * Where the city stands on each type, then its commitments by year, newest first, the undated last: the order
   * the server gives them in (Cities/CommitmentTimeline.cs), the same as on the city page.
   */
  #commitments(city, slug) {
    const { locale } = this;
    const standing = (city.standing ?? []).map((s) => {
      const text = locale.pick(s.text);
      return el('li', { 'data-standing': s.type, 'data-status': s.status, lang: text.lang }, text.text);
    });
    const groups = [];
    for (const commitment of city.commitments) {
      const year = typeof commitment.date === 'string' ? commitment.date.slice(0, 4) : null;
      if (!groups.length || groups.at(-1).year !== year) groups.push({ year, items: [] });
      groups.at(-1).items.push(commitment);
    }
    return [
      standing.length ? el('ul', { className: 'panel__standing', 'data-role': 'standing' }, ...standing) : null,
      el('div', { 'data-role': 'commitments' }, ...groups.flatMap(({ year, items }) => [
        el('h4', { className: 'panel__year', 'data-role': 'year' }, year ?? locale.text('panel.undated')),
        el('ul', { className: 'panel__commitments' }, ...items.map((c) => this.#commitment(c, city, slug))),
      ])),
    ];
  }

  #commitment(commitment, city, slug) {
    const { locale, links } = this;
    const swatch = el('span', { className: 'legend__swatch', 'aria-hidden': 'true' });
    swatch.style.background = commitment.color;
    const source = safeHref(commitment.sourceUrl);
    const title = locale.pick(commitment.title);
    const summary = locale.pick(commitment.summary);
    // A revoked or rejected commitment is no commitment made: struck through, its swatch hollow, and it says when.
    const withdrawn = commitment.status === 'revoked' || commitment.status === 'rejected';
    const year = typeof commitment.date === 'string' ? commitment.date.slice(0, 4) : '';
    const status = withdrawn && year ? this.#notMade({ status: commitment.status, year })
      : commitment.status ? locale.text(`commitmentStatus.${commitment.status}`) : '';
    const facts = [status, withdrawn ? '' : locale.date(commitment.date)].filter(Boolean).join(', ');
    return el('li', { 'data-commitment': commitment.type, 'data-status': commitment.status ?? '', className: withdrawn ? 'panel__commitment--withdrawn' : '' },
      el('p', { className: 'panel__commitment-title' }, swatch,
        el('strong', { lang: title.lang }, title.text || commitment.type), facts ? ` · ${facts}` : ''),
      summary.text ? el('p', { lang: summary.lang, 'data-role': 'commitment-summary' }, summary.text) : null,
      el('p', {},
        source ? el('a', { href: source, rel: 'noopener', className: 'panel__source', 'data-role': 'source' }, locale.text('panel.source')) : null,
        source && commitment.anchor ? ' · ' : null,
        commitment.anchor ? el('a', {
          href: `${linkTo(links.city, { slug })}#${commitment.anchor}`, 'data-role': 'anchor',
          'aria-label': locale.text('panel.linkLabel', { name: city.name, title: title.text || commitment.type }),
        }, locale.text('panel.link')) : null));
  }

  /** A type the city has not made: its title (a link to the city page's section), how many have, a revocation. */
  #nextStep(step, slug) {
    const { locale, links } = this;
    const title = locale.pick(step.title);
    const href = `${linkTo(links.city, { slug })}#${panelOptions.nextStepsSection}`;
    const count = step.cities > 0 ? locale.plural('panel.nextStepCount', step.cities) : locale.text('panel.nextStepFirst');
    const revoked = step.revoked ? this.#notMade(step.revoked) : '';
    return el('li', { 'data-next-step': step.type },
      el('a', { href, lang: title.lang }, title.text || step.type), ` · ${count}`, revoked ? ` · ${revoked}` : '');
  }

  /** "revoked in 2024" / "2024 aufgehoben"; undated, the status alone. */
  #notMade({ status, year }) {
    const { locale } = this;
    if (!year) return locale.text(`commitmentStatus.${status}`);
    return status === 'rejected' ? locale.text('panel.nextStepRejected', { year: String(year) }) : locale.text('panel.nextStepRevoked', { year: String(year) });
  }

  #network(network) {
    const href = safeHref(network.url ?? '');
    const name = href ? el('a', { href, rel: 'noopener' }, network.name) : network.name;
    return el('li', {}, name, network.date ? ` ${this.locale.text('panel.networkSince', { date: this.locale.date(network.date) })}` : '');
  }

  #post(post) {
    const href = this.links.news ? linkTo(this.links.news, { slug: post.slug }) : post.url;
    // A post is written in one language; its title says so when that is not the reader's.
    const lang = post.language && post.language !== this.locale.lang ? post.language : null;
    return el('li', {}, el('a', { href, lang }, post.title), ' ',
      el('time', { dateTime: post.publishedAt }, this.locale.date(post.publishedAt)));
  }
}
