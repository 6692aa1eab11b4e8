/**
 * Progressive enhancement for the contract pages. Showing guidance and filtering by topic
 * already work without this script (the stylesheet reacts to the checkbox and the select); the
 * script only keeps the chosen topic in the address, so a filtered view can be shared, and says
 * how many clauses are showing. On the compare pages it takes the two chosen versions straight
 * to their pre-rendered comparison.
 *
 * Bundled by esbuild at build time into /assets/contracts/read.js.
 */

function setUpFilter(): void {
  const select = document.getElementById('topic-filter') as HTMLSelectElement | null;
  const status = document.getElementById('topic-status');
  if (!select || !status) return;
  const clauses = [...document.querySelectorAll<HTMLElement>('.contract .clause')];

  const announce = () => {
    const topic = select.value;
    if (!topic) {
      status.textContent = '';
      return;
    }
    const count = clauses.filter((c) =>
      (c.dataset['topics'] ?? '').split(' ').includes(topic),
    ).length;
    const title = select.selectedOptions[0]?.textContent?.replace(/\s*\(\d+\)$/, '') ?? topic;
    status.textContent = `Showing ${count} ${count === 1 ? 'clause' : 'clauses'} about ${title}.`;
  };

  const fromAddress = new URLSearchParams(window.location.search).get('topic');
  if (fromAddress && [...select.options].some((o) => o.value === fromAddress)) {
    select.value = fromAddress;
  }
  announce();
  select.addEventListener('change', () => {
    const url = new URL(window.location.href);
    if (select.value) url.searchParams.set('topic', select.value);
    else url.searchParams.delete('topic');
    window.history.replaceState(null, '', url);
    announce();
  });
  // The form has nothing to send: pressing Enter in it must not reload the page.
  select.form?.addEventListener('submit', (event) => event.preventDefault());
}

function setUpComparePicker(): void {
  const form = document.querySelector<HTMLFormElement>('.contract-compare-picker');
  if (!form) return;
  const message = document.getElementById('compare-message');
  form.addEventListener('submit', (event) => {
    const from = (form.elements.namedItem('from') as HTMLSelectElement).value;
    const to = (form.elements.namedItem('to') as HTMLSelectElement).value;
    event.preventDefault();
    if (from === to) {
      if (message) message.textContent = 'Choose two different versions to compare.';
      return;
    }
    const base = form.dataset['compareBase'] ?? '';
    // Versions are MAJOR.MINOR.PATCH; anything else never reaches the address.
    if (!/^\d+\.\d+\.\d+$/.test(from) || !/^\d+\.\d+\.\d+$/.test(to)) return;
    window.location.assign(`${base}${from}-to-${to}/`);
  });
}

setUpFilter();
setUpComparePicker();
