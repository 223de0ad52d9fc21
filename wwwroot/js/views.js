// Phones: the map and the list are two views of one page, the filters a full-screen sheet, so nothing scrolls
// inside something else that scrolls. Wide screens show everything side by side; the buttons are hidden there
// and nothing here changes what they see.

const phone = () => matchMedia('(max-width: 700px)').matches;

/**
 * @param {HTMLElement} root  the explorer's root, with [data-view-button], [data-filters-button], #filters-sheet
 * @param {L.Map} map  resized when it shows again
 */
export function phoneViews(root, map) {
  const viewButtons = [...root.querySelectorAll('[data-view-button]')];
  const filtersButton = root.querySelector('[data-filters-button]');
  const sheet = root.querySelector('#filters-sheet');
  const done = root.querySelector('[data-filters-close]');

  function show(view) {
    root.dataset.view = view;
    document.body.dataset.view = view; // the page's height follows the view (map.css)
    for (const button of viewButtons) button.setAttribute('aria-pressed', String(button.dataset.viewButton === view));
    if (view === 'map') map.invalidateSize({ pan: false });
  }

  function openSheet() {
    root.dataset.filtersOpen = '';
    sheet.setAttribute('role', 'dialog');
    sheet.setAttribute('aria-modal', 'true');
    filtersButton.setAttribute('aria-expanded', 'true');
    done.focus();
  }

  function closeSheet() {
    if (!('filtersOpen' in root.dataset)) return;
    delete root.dataset.filtersOpen;
    sheet.removeAttribute('role');
    sheet.removeAttribute('aria-modal');
    filtersButton.setAttribute('aria-expanded', 'false');
    filtersButton.focus();
  }

  for (const button of viewButtons) button.addEventListener('click', () => show(button.dataset.viewButton));
  filtersButton.addEventListener('click', openSheet);
  done.addEventListener('click', closeSheet);
  sheet.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    closeSheet();
  });
  // A city chosen in the list or among the nearest is shown on the map: switch before the explorer flies there.
  for (const role of ['city-list', 'near-list']) {
    root.querySelector(`[data-role="${role}"]`).addEventListener('click', (event) => {
      if (phone() && event.target.closest('button')) show('map');
    }, true);
  }
  // Turning a phone to landscape past the breakpoint shows both again: the map must know its new size.
  matchMedia('(max-width: 700px)').addEventListener('change', () => map.invalidateSize({ pan: false }));
}
