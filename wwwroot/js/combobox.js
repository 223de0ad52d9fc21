// The keyboard and ARIA half of an autocomplete (ARIA 1.2 combobox with a listbox popup), shared by the map's
// search and the post editor's tag field. Focus stays in the input: the active option is only announced through
// aria-activedescendant, so typing can go on at any time. What to offer and what choosing does is the owner's.

export class Combobox {
  /**
   * @param {HTMLInputElement} input     role=combobox, aria-controls naming the listbox
   * @param {HTMLUListElement} listbox   role=listbox
   * @param {object} options
   * @param {string} options.idPrefix    option ids are `${idPrefix}-${index}`
   * @param {(item: any, index: number) => HTMLLIElement} options.renderOption  one option's element
   * @param {(item: any) => void} options.onChoose
   * @param {() => void} [options.onReopen]  ArrowDown on a closed list: the owner offers again (then calls show)
   */
  constructor(input, listbox, { idPrefix, renderOption, onChoose, onReopen }) {
    Object.assign(this, { input, listbox, idPrefix, renderOption, onChoose, onReopen });
    this.items = [];
    this.active = -1;
    input.addEventListener('keydown', (event) => this.#onKey(event));
    listbox.addEventListener('mousedown', (event) => event.preventDefault()); // a click must not blur the input
    listbox.addEventListener('click', (event) => {
      const option = event.target.closest('[role=option]');
      if (option) this.#choose(Number(option.dataset.index));
    });
  }

  get isOpen() {
    return !this.listbox.hidden;
  }

  /**
   * Offers these items, none active (Enter still takes the first, as the likeliest meant).
   * @param {HTMLElement|null} [empty]  shown instead when there are no items (null: the list closes)
   */
  show(items, empty = null) {
    this.items = items;
    this.active = -1;
    this.listbox.replaceChildren(...items.map((item, index) => {
      const option = this.renderOption(item, index);
      option.id = `${this.idPrefix}-${index}`;
      option.setAttribute('role', 'option');
      option.dataset.index = String(index);
      return option;
    }));
    if (items.length === 0 && empty) this.listbox.append(empty);
    this.listbox.hidden = this.listbox.childElementCount === 0;
    this.input.setAttribute('aria-expanded', String(this.isOpen));
    this.#showActive();
  }

  close() {
    this.show([]);
  }

  #onKey(event) {
    const step = (by) => {
      const count = this.items.length;
      if (count) this.active = (this.active + by + count) % count;
    };
    switch (event.key) {
      case 'ArrowDown':
        if (!this.isOpen) this.onReopen?.();
        step(1);
        break;
      case 'ArrowUp':
        step(-1);
        break;
      case 'Enter':
        // Never submits the form around: Enter in the box means a choice, and a half-typed name is not one.
        if (this.items.length) this.#choose(Math.max(this.active, 0));
        break;
      case 'Escape':
        if (!this.isOpen) return; // nothing of ours to close: let Escape close what is around (the city panel)
        this.close();
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
    this.#showActive();
  }

  #showActive() {
    for (const option of this.listbox.querySelectorAll('[role=option]')) {
      option.setAttribute('aria-selected', String(Number(option.dataset.index) === this.active));
    }
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `${this.idPrefix}-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
  }

  #choose(index) {
    const item = this.items[index];
    if (item === undefined) return;
    this.close();
    this.onChoose(item);
  }
}
