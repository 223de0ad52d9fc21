// The tag field of the post editor: chips of tagged cities (each a hidden form input), an autocomplete over
// the map's cities (GET /api/cities?q=, accent-tolerant; keyboard and ARIA from the shared combobox.js), and the
// suggestions found in the post's text.

import { Combobox } from '../combobox.js';
import { el } from '../text.js';
import { text } from './editor-text.js';

const fieldOptions = { maxOptions: 8, minLength: 2, debounceMs: 250 };

export class TagField {
  /** @param {HTMLElement} root  the fieldset[data-role=tag-field] */
  constructor(root) {
    this.root = root;
    this.tags = root.querySelector('[data-role=tags]');
    this.input = root.querySelector('[data-role=tag-input]');
    this.combobox = new Combobox(this.input, root.querySelector('#tag-options'), {
      idPrefix: 'tag-option',
      renderOption: (f) => el('li', { className: 'search__option', 'data-city': f.id },
        el('span', {}, f.properties.name), el('span', { className: 'search__where' }, f.properties.country)),
      onChoose: (f) => {
        this.add(f.id, f.properties.name);
        this.input.value = '';
      },
    });
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
      el('button', { type: 'button', 'data-role': 'remove-tag', 'aria-label': text('Script.Tag.Remove', [name]) }, '×')));
    this.root.dispatchEvent(new CustomEvent('tagschange'));
  }

  async #search() {
    const query = this.input.value.trim();
    if (query.length < fieldOptions.minLength) return this.combobox.close();
    const response = await fetch(`/api/cities?q=${encodeURIComponent(query)}`);
    if (!response.ok) return this.combobox.close();
    const layer = await response.json();
    this.combobox.show(layer.features.filter((f) => !this.slugs.includes(f.id)).slice(0, fieldOptions.maxOptions));
  }
}
