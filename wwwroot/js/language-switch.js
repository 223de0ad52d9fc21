// The language switch leads to the same page in the other language. The server writes it for the address it
// served; on the map the address changes as people filter and open cities, so on the way out the switch takes
// the address as it is now (its query and fragment), keeping the view.

for (const link of document.querySelectorAll('.language-switch a[hreflang]')) {
  if (!link.pathname.startsWith(`/${link.hreflang}`)) continue; // the editor area's switch goes through /language
  link.addEventListener('click', () => {
    link.search = location.search;
    link.hash = location.hash;
  });
}
