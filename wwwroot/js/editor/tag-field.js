// The tag field of the post editor: chips of tagged cities (each a hidden form input), an autocomplete over
// the map's cities (GET /api/cities?q=, accent-tolerant), and the suggestions found in the post's text.

import { el } from '../text.js';

const fieldOptions = { maxOptions: 8, minLength: 2, debounceMs: 250 };

export class TagField {
  /** @param {HTMLElement} root  the fieldset[data-role=tag-field] */
  constructor(root) {
    this.root = root;
    this.tags = root.querySelector('[data-role=tags]');
    this.input = root.querySelector('[data-role=tag-input]');
    this.listbox = root.querySelector('#tag-options');
    this.options = [];
    this.active = -1;
    this.tags.addEventListener('click', (event) => {
      const remove = event.target.closest('[data-role=remove-tag]');
      if (!remove) return;
      const chip = remove.closest('[data-city]');
      const next = chip.nextElementSibling?.querySelector('button') ?? this.input;
      chip.remove();
      next.focus();
      this.root.dispatchEvent(new CustomEvent('tagschange'));
    });
    let timer;
    this.input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.#search(), fieldOptions.debounceMs);
    });
    this.input.addEventListener('keydown', (event) => this.#onKey(event));
    this.listbox.addEventListener('mousedown', (event) => event.preventDefault());
    this.listbox.addEventListener('click', (event) => {
      const option = event.target.closest('[role=option]');
      if (option) this.#choose(Number(option.dataset.index));
    });
  }

  /** Slugs of the tagged cities. */
  get slugs() {
    return [...this.tags.querySelectorAll('[data-city]')].map((chip) => chip.dataset.city);
  }

  /** Tags a city (once). */
  add(slug, name) {
    if (this.slugs.includes(slug)) return;
    this.tags.append(el('li', { className: 'tag', 'data-city': slug },
      el('span', {}, name),
      el('input', { type: 'hidden', name: 'Input.Cities', value: slug }),
      el('button', { type: 'button', 'data-role': 'remove-tag', 'aria-label': `Remove ${name}` }, '×')));
    this.root.dispatchEvent(new CustomEvent('tagschange'));
  }

  async #search() {
    const query = this.input.value.trim();
    if (query.length < fieldOptions.minLength) return this.#render([]);
    const response = await fetch(`/api/cities?q=${encodeURIComponent(query)}`);
    if (!response.ok) return this.#render([]);
    const layer = await response.json();
    this.#render(layer.features.filter((f) => !this.slugs.includes(f.id)).slice(0, fieldOptions.maxOptions));
  }

  #render(features) {
    this.options = features;
    this.active = features.length ? 0 : -1;
    this.listbox.replaceChildren(...features.map((f, i) => el('li', {
      id: `tag-option-${i}`, role: 'option', className: 'search__option', 'data-index': i, 'data-city': f.id,
      'aria-selected': String(i === this.active),
    }, el('span', {}, f.properties.name), el('span', { className: 'search__where' }, f.properties.country))));
    this.listbox.hidden = features.length === 0;
    this.input.setAttribute('aria-expanded', String(features.length > 0));
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `tag-option-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
  }

  #onKey(event) {
    const count = this.options.length;
    if (event.key === 'ArrowDown' && count) this.active = (this.active + 1) % count;
    else if (event.key === 'ArrowUp' && count) this.active = (this.active - 1 + count) % count;
    else if (event.key === 'Enter' && count) this.#choose(this.active);
    else if (event.key === 'Escape' && count) this.#render([]);
    else return;
    event.preventDefault(); // Enter picks a city instead of submitting the form
    if (this.options.length) {
      for (const option of this.listbox.children) option.setAttribute('aria-selected', String(Number(option.dataset.index) === this.active));
      this.input.setAttribute('aria-activedescendant', `tag-option-${this.active}`);
    }
  }

  #choose(index) {
    const feature = this.options[index];
    if (!feature) return;
    this.add(feature.id, feature.properties.name);
    this.input.value = '';
    this.#render([]);
  }
}
