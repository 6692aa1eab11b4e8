// @ts-check
/**
 * The provider search page (/providers/): text search over the sharded lunr index, facets
 * with live counts, sorting, paging and "download these results", with all state in the
 * address. Plain DOM code, no framework; every data value is set as text, never as HTML.
 * Without JavaScript the page offers the browse pages instead.
 */
import { SearchEngine } from './search/searchEngine.js';
import { shardToIndex } from './search/shardIndex.js';
import { FacetData } from './search/facets.js';
import {
  FACETS,
  PAGE_SIZE,
  SORTS,
  hasFilters,
  parseState,
  stateToQuery,
} from './search/urlState.js';
import { csvRow, DOWNLOAD_COLUMNS, resultRecord } from './search/results.js';
import { toCsv } from './search/csv.js';
import { directIdentifier } from './search/queryTerms.js';
import { PlaceFinder, placeSummary } from './search/places.js';
import { TIER_WEIGHT } from './search/searchEngine.js';
import * as geo from './search/geography.js';

/** Above this many results a download fetches the whole table instead of chunks. */
const WHOLE_TABLE_FROM = 1500;
/** Councils shown before "Show all councils". */
const FACET_PREVIEW = 10;

const app = /** @type {HTMLElement | null} */ (document.getElementById('search-app'));
if (app) start(app);

/** @param {HTMLElement} app */
function start(app) {
  const searchBase = app.dataset.search ?? '/search/';
  const siteBase = document.documentElement.dataset.base ?? '/';
  const siteUrl = app.dataset.siteUrl ?? location.origin + siteBase;
  const lunrUrl = app.dataset.lunr ?? `${siteBase}assets/lunr.min.js`;
  const form = /** @type {HTMLFormElement} */ (document.getElementById('search-form'));
  const input = /** @type {HTMLInputElement} */ (document.getElementById('search-q'));
  const facetsForm = /** @type {HTMLFormElement} */ (app.querySelector('#facets'));
  const status = /** @type {HTMLElement} */ (app.querySelector('#result-count'));
  const notice = /** @type {HTMLElement} */ (app.querySelector('#search-notice'));
  const list = /** @type {HTMLOListElement} */ (app.querySelector('#results'));
  const heading = /** @type {HTMLElement} */ (app.querySelector('#results-heading'));
  const pager = /** @type {HTMLElement} */ (app.querySelector('#pagination'));
  const sortSelect = /** @type {HTMLSelectElement} */ (app.querySelector('#sort'));
  const clear = /** @type {HTMLButtonElement} */ (app.querySelector('#clear-filters'));
  const downloadStatus = /** @type {HTMLElement} */ (app.querySelector('#download-status'));
  const filtersToggle = /** @type {HTMLButtonElement} */ (app.querySelector('#filters-toggle'));
  const filtersPanel = /** @type {HTMLElement} */ (app.querySelector('#search-filters'));
  const selectedList = /** @type {HTMLElement} */ (app.querySelector('#selected-filters'));

  /** @type {Promise<unknown> | undefined} */
  let lunrLoading;
  const loadLunr = () =>
    (lunrLoading ??= new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = lunrUrl;
      script.onload = () => resolve(/** @type {any} */ (window).lunr);
      script.onerror = () => reject(new Error('the search library did not load'));
      document.head.append(script);
    }));

  const fetchJson = async (/** @type {string} */ url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  };

  /** @type {SearchEngine | undefined} */
  let engine;
  const getEngine = async () => {
    if (!engine) {
      engine = new SearchEngine({
        lunr: await loadLunr(),
        fetchJson,
        base: searchBase,
        shardToIndex,
      });
      /** @type {any} */ (window).kitemarkSearch = engine;
    }
    return engine;
  };
  /** @type {Promise<PlaceFinder> | undefined} */
  let placesPromise;
  const getPlaces = () =>
    (placesPromise ??= manifestPromise.then(
      (m) =>
        new PlaceFinder({
          geo,
          fetchJson,
          url: async (path) => `${searchBase}${encodeURIComponent(m.version)}/${path}`,
          manifest: m.places,
        }),
    ));
  /** Every document's status digit, for ranking current kitemarks first. @type {Promise<string> | undefined} */
  let statusesPromise;
  const getStatuses = () =>
    (statusesPromise ??= manifestPromise.then((m) =>
      fetchJson(`${searchBase}${encodeURIComponent(m.version)}/status.json`),
    ));
  // The manifest and facets do not need lunr: fetch them at once, beside it.
  const manifestPromise = fetchJson(`${searchBase}manifest.json`);
  /** @type {Promise<FacetData> | undefined} */
  let facetsPromise;
  const getFacets = () =>
    (facetsPromise ??= manifestPromise.then(async (m) => {
      const json = await fetchJson(`${searchBase}${encodeURIComponent(m.version)}/facets.json`);
      return new FacetData(json, m);
    }));
  /** @type {Map<number, Promise<any[]>>} */
  const chunks = new Map();
  const chunk = async (/** @type {number} */ n) => {
    const m = await manifestPromise;
    let promise = chunks.get(n);
    if (!promise) {
      promise = fetchJson(`${searchBase}${encodeURIComponent(m.version)}/docs/${n}.json`);
      chunks.set(n, promise);
      promise.catch(() => chunks.delete(n));
    }
    return promise;
  };
  /** @param {readonly number[]} refs */
  const rows = async (refs) => {
    const m = await manifestPromise;
    if (refs.length >= WHOLE_TABLE_FROM) {
      const all = await fetchJson(`${searchBase}${encodeURIComponent(m.version)}/docs/all.json`);
      return refs.map((ref) => all[ref]);
    }
    const needed = [...new Set(refs.map((ref) => Math.floor(ref / m.chunkSize)))];
    const loaded = new Map(
      await Promise.all(
        needed.map(async (n) => /** @type {[number, any[]]} */ ([n, await chunk(n)])),
      ),
    );
    return refs.map((ref) => loaded.get(Math.floor(ref / m.chunkSize))?.[ref % m.chunkSize]);
  };

  /** @type {ReturnType<typeof parseState>} */
  let state;
  /**
   * @typedef {{ q: string, exact: boolean, refs: number[], matchedAll: boolean,
   *   scores: Map<number, number>, statuses: string,
   *   tolerated: import('./search/searchEngine.js').Tolerance[],
   *   place?: import('./search/places.js').Place, council?: string, rest?: string,
   *   nearby?: Map<number, import('./search/places.js').Nearby> }} Search
   */
  /** @type {Search | undefined} */
  let lastSearch;
  /** The current, sorted results: what a download writes. @type {number[]} */
  let current = [];
  let runId = 0;

  manifestPromise.then(
    (m) => {
      app.hidden = false;
      buildFacetControls(m);
      buildSortOptions();
      state = parseState(new URLSearchParams(location.search), m);
      syncControls();
      run({ focus: false });
    },
    () => fail(),
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!state) return;
    const q = input.value.replace(/\s+/g, ' ').trim().slice(0, 200);
    state = { ...state, q, page: 1, exact: false };
    state.sort = state.q ? 'relevance' : 'name';
    sortSelect.value = state.sort;
    // Focus moves to the results, so a screen reader hears them and a phone shows them.
    navigate('push', { focus: true });
  });
  facetsForm.addEventListener('change', (event) => {
    const target = /** @type {HTMLInputElement} */ (event.target);
    if (!state || target.type !== 'checkbox') return;
    const values = new Set(state.filters[target.name] ?? []);
    if (target.checked) values.add(target.value);
    else values.delete(target.value);
    state = { ...state, filters: { ...state.filters, [target.name]: [...values] }, page: 1 };
    navigate('replace');
  });
  facetsForm.addEventListener('submit', (event) => event.preventDefault());
  sortSelect.addEventListener('change', () => {
    if (!state) return;
    state = { ...state, sort: /** @type {any} */ (sortSelect.value), page: 1 };
    navigate('replace');
  });
  filtersToggle.addEventListener('click', () => {
    const open = filtersToggle.getAttribute('aria-expanded') !== 'true';
    filtersToggle.setAttribute('aria-expanded', String(open));
    filtersPanel.classList.toggle('is-open', open);
  });
  selectedList.addEventListener('click', (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest('button[data-param]');
    if (!button || !state) return;
    const { param = '', value = '' } = /** @type {HTMLElement} */ (button).dataset;
    const values = (state.filters[param] ?? []).filter((v) => v !== value);
    state = { ...state, filters: { ...state.filters, [param]: values }, page: 1 };
    syncControls();
    navigate('replace');
    (selectedList.querySelector('button') ?? heading).focus();
  });
  clear.addEventListener('click', () => {
    if (!state) return;
    state = { ...state, filters: {}, page: 1 };
    syncControls();
    navigate('replace');
    input.focus();
  });
  pager.addEventListener('click', (event) => {
    const link = /** @type {HTMLElement} */ (event.target).closest('a[data-page]');
    if (!link || !state || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    state = { ...state, page: Number(/** @type {HTMLElement} */ (link).dataset.page) };
    navigate('push', { focus: true });
  });
  window.addEventListener('popstate', () => {
    manifestPromise.then((m) => {
      state = parseState(new URLSearchParams(location.search), m);
      syncControls();
      run({ focus: false });
    });
  });
  for (const button of app.querySelectorAll('button[data-download]')) {
    button.addEventListener('click', () =>
      download(
        /** @type {'csv' | 'json'} */ (/** @type {HTMLElement} */ (button).dataset.download),
      ),
    );
  }

  /**
   * @param {'push' | 'replace'} how
   * @param {{ focus?: boolean }} [options]
   */
  function navigate(how, options = {}) {
    const url = `${location.pathname}${stateToQuery(state)}`;
    if (how === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    run({ focus: options.focus ?? false });
  }

  /** Sets the form, facet boxes and sort menu from the state. */
  function syncControls() {
    input.value = state.q;
    sortSelect.value = state.sort;
    for (const box of facetsForm.querySelectorAll('input[type=checkbox]')) {
      const checkbox = /** @type {HTMLInputElement} */ (box);
      checkbox.checked = (state.filters[checkbox.name] ?? []).includes(checkbox.value);
    }
  }

  /** @param {{ focus: boolean }} options */
  async function run(options) {
    const id = ++runId;
    // "done" again only once these results are on the page (tests and scripts wait on it).
    app.dataset.state = 'searching';
    const m = await manifestPromise;
    list.setAttribute('aria-busy', 'true');
    try {
      /** @type {number[] | null} */
      let candidates = null;
      if (state.q) {
        const exact = state.exact === true;
        if (lastSearch?.q !== state.q || lastSearch.exact !== exact) {
          status.textContent = 'Searching…';
          const result = await searchFor(state.q, exact);
          if (id !== runId) return;
          lastSearch = result;
        }
        candidates = lastSearch.refs;
      }
      // With no filter ticked, the first results need no facet data: show them at once
      // and fill in the counts when it arrives.
      let matches;
      /** Facet counts to fill in once the first results are shown. */
      let countLater = false;
      if (!hasFilters(state) && !facetData) {
        matches = candidates ?? range(m.count);
        countLater = true;
      } else {
        facetData ??= await getFacets();
        if (id !== runId) return;
        const result = facetData.filter(candidates, selectedNumbers(m));
        matches = result.matches;
        updateCounts(m, result.counts);
      }
      current = sortRefs(matches, state.sort, lastSearch && state.q ? lastSearch : undefined);
      const pages = Math.max(1, Math.ceil(current.length / PAGE_SIZE));
      if (state.page > pages) state = { ...state, page: pages };
      const pageRefs = current.slice((state.page - 1) * PAGE_SIZE, state.page * PAGE_SIZE);
      const pageRows = await rows(pageRefs);
      if (id !== runId) return;
      const search = state.q ? lastSearch : undefined;
      renderResults(m, pageRows, search, pageRefs);
      renderSummary(current.length, search);
      renderPager(pages);
      renderSelected(m);
      clear.hidden = !hasFilters(state);
      showDirectLink();
      app.dataset.state = 'done';
      if (countLater) {
        // Fetched after the results are on the page, so it never delays them.
        getFacets().then(
          (facets) => {
            facetData = facets;
            if (id === runId) updateCounts(m, facets.filter(candidates, selectedNumbers(m)).counts);
          },
          () => undefined,
        );
      }
      document.title = state.q
        ? `${state.q} – Find a provider – Kitemark Register`
        : 'Find a provider – Kitemark Register';
      if (options.focus) heading.focus();
    } catch (error) {
      if (id === runId) fail(error);
    } finally {
      if (id === runId) list.removeAttribute('aria-busy');
    }
  }
  /** @type {Record<string, Int32Array> | undefined} */
  let facetCounts;
  /** @type {FacetData | undefined} */
  let facetData;

  /** @param {any} m */
  function selectedNumbers(m) {
    /** @type {Record<string, number[]>} */
    const selected = {};
    for (const facet of FACETS) {
      const index = new Map(
        m[facet.list].map((/** @type {{code: string}} */ v, /** @type {number} */ i) => [
          v.code,
          i,
        ]),
      );
      selected[facet.param] = (state.filters[facet.param] ?? [])
        .map((code) => index.get(code))
        .filter((i) => i !== undefined);
    }
    return selected;
  }

  /**
   * Best match: nearest first for a place; for words, by how well they match (exact words
   * above prefixes above typos), then current kitemarks first, then by score and name.
   * @param {number[]} refs
   * @param {string} sort
   * @param {Search | undefined} search
   */
  function sortRefs(refs, sort, search) {
    const sorted = [...refs];
    if (sort === 'relevance' && search?.nearby) {
      const nearby = search.nearby;
      sorted.sort(
        (a, b) => (nearby.get(a)?.miles ?? Infinity) - (nearby.get(b)?.miles ?? Infinity) || a - b,
      );
    } else if (sort === 'relevance' && search) {
      const { scores, statuses } = search;
      const tier = (/** @type {number} */ ref) => Math.floor((scores.get(ref) ?? 0) / TIER_WEIGHT);
      const rank = (/** @type {number} */ ref) => statuses.charCodeAt(ref) - 48;
      sorted.sort(
        (a, b) =>
          tier(b) - tier(a) ||
          rank(a) - rank(b) ||
          (scores.get(b) ?? 0) - (scores.get(a) ?? 0) ||
          a - b,
      );
    } else if (sort === 'name-desc') {
      sorted.sort((a, b) => b - a);
    } else {
      sorted.sort((a, b) => a - b);
    }
    return sorted;
  }

  /**
   * A query read as a place first ("M33 7AB", "Sale", "befriending in Trafford"), then as
   * words. `exact`: the words as typed, with no place, prefix or typo tolerance.
   * @param {string} q
   * @param {boolean} exact
   * @returns {Promise<Search>}
   */
  async function searchFor(q, exact) {
    const m = await manifestPromise;
    const found = exact || !m.places ? undefined : await (await getPlaces()).find(q);
    /** @type {Search} */
    const search = {
      q,
      exact,
      refs: [],
      matchedAll: true,
      scores: new Map(),
      statuses: '',
      tolerated: [],
    };
    if (found) {
      const { council, results } = await (await getPlaces()).near(found.place);
      search.place = found.place;
      search.council = council;
      search.nearby = results;
      search.rest = found.rest;
    }
    const words = found ? found.rest : q;
    if (words) {
      const [result, statuses] = await Promise.all([
        (await getEngine()).search(words, { exact }),
        getStatuses(),
      ]);
      search.scores = result.refs;
      search.matchedAll = result.matchedAll;
      search.tolerated = result.tolerated;
      search.statuses = statuses;
    }
    const nearby = search.nearby;
    search.refs = nearby
      ? [...nearby.keys()].filter((ref) => !words || search.scores.has(ref))
      : [...search.scores.keys()];
    return search;
  }

  /** @param {any} m */
  function buildFacetControls(m) {
    for (const facet of FACETS) {
      const fieldset = document.createElement('fieldset');
      fieldset.className = 'facet';
      fieldset.dataset.facet = facet.param;
      const legend = document.createElement('legend');
      legend.textContent = facet.label;
      fieldset.append(legend);
      const ul = document.createElement('ul');
      m[facet.list].forEach(
        (/** @type {{code: string, title: string}} */ value, /** @type {number} */ i) => {
          const li = document.createElement('li');
          li.dataset.index = String(i);
          const box = document.createElement('input');
          box.type = 'checkbox';
          box.name = facet.param;
          box.value = value.code;
          box.id = `facet-${facet.param}-${i}`;
          const label = document.createElement('label');
          label.htmlFor = box.id;
          const title = document.createElement('span');
          title.textContent = value.title;
          const count = document.createElement('span');
          count.className = 'count';
          label.append(title, ' ', count);
          li.append(box, label);
          ul.append(li);
        },
      );
      fieldset.append(ul);
      if (m[facet.list].length > FACET_PREVIEW) {
        const more = document.createElement('button');
        more.type = 'button';
        more.className = 'link-button';
        more.setAttribute('aria-expanded', 'false');
        more.textContent = `Show all ${facet.plural}`;
        more.addEventListener('click', () => {
          const expanded = more.getAttribute('aria-expanded') === 'true';
          more.setAttribute('aria-expanded', String(!expanded));
          more.textContent = expanded ? `Show all ${facet.plural}` : `Show fewer ${facet.plural}`;
          fieldset.classList.toggle('facet--expanded', !expanded);
          if (facetCounts) updateCounts(m, facetCounts);
        });
        fieldset.append(more);
      }
      facetsForm.append(fieldset);
    }
  }

  function buildSortOptions() {
    for (const [value, label] of Object.entries(SORTS)) {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = label;
      sortSelect.append(option);
    }
  }

  /**
   * Counts beside each value; values with no results are hidden unless ticked. Long facets
   * show their top values until expanded.
   * @param {any} m
   * @param {Record<string, Int32Array>} counts
   */
  function updateCounts(m, counts) {
    facetCounts = counts;
    for (const facet of FACETS) {
      const fieldset = /** @type {HTMLElement} */ (
        facetsForm.querySelector(`[data-facet="${facet.param}"]`)
      );
      const facetCountsOf = /** @type {Int32Array} */ (counts[facet.param]);
      const expanded = fieldset.classList.contains('facet--expanded');
      const items = [...fieldset.querySelectorAll('li')];
      const long = m[facet.list].length > FACET_PREVIEW;
      // Long lists: most results first, so the preview shows the values that matter.
      const order = long
        ? [...items].sort(
            (a, b) =>
              (facetCountsOf[Number(b.dataset.index)] ?? 0) -
              (facetCountsOf[Number(a.dataset.index)] ?? 0),
          )
        : items;
      let shown = 0;
      for (const li of order) {
        const n = facetCountsOf[Number(li.dataset.index)] ?? 0;
        const box = /** @type {HTMLInputElement} */ (li.querySelector('input'));
        /** @type {HTMLElement} */ (li.querySelector('.count')).textContent =
          `(${n.toLocaleString('en-GB')})`;
        const visible = box.checked || (n > 0 && (!long || expanded || shown < FACET_PREVIEW));
        li.hidden = !visible;
        if (visible) shown++;
      }
      if (long) {
        const ul = /** @type {HTMLElement} */ (fieldset.querySelector('ul'));
        // Reorder without losing focus: moving nodes keeps the focused box focused.
        const active = document.activeElement;
        for (const li of order) ul.append(li);
        if (active instanceof HTMLElement && active !== document.activeElement) active.focus();
      }
    }
  }

  /**
   * @param {any} m
   * @param {any[]} pageRows
   * @param {Search | undefined} search
   * @param {number[]} refs the document number of each row
   */
  function renderResults(m, pageRows, search, refs) {
    const items = pageRows.flatMap((row, i) => {
      if (!row) return [];
      const r = resultRecord(row, m, siteUrl);
      const li = document.createElement('li');
      li.className = 'result';
      const h3 = document.createElement('h3');
      const a = document.createElement('a');
      a.href = `${siteBase}providers/${encodeURIComponent(r.provider_id)}/`;
      a.textContent = r.name;
      h3.append(a);
      const known = [];
      if (r.other_names.length > 0) {
        const aka = document.createElement('p');
        aka.className = 'result__meta';
        aka.textContent = `Also known as ${r.other_names.join('; ')}`;
        known.push(aka);
      }
      const statusLine = document.createElement('p');
      const tag = document.createElement('strong');
      tag.className = `tag tag--${r.words.tone}`;
      tag.textContent = r.words.label;
      statusLine.append(tag);
      if (r.words.detail) statusLine.append(` ${r.words.detail}`);
      const scope = [r.covers, r.also].filter(Boolean).map((text, i) => {
        const p = document.createElement('p');
        p.className = i === 0 && r.covers ? 'result__scope' : 'result__meta';
        p.textContent = text;
        return p;
      });
      const where = document.createElement('p');
      where.className = 'result__meta';
      const near = search?.nearby?.get(/** @type {number} */ (refs[i]));
      where.textContent = [`${r.town}, ${r.postcode}`, r.local_authority_name]
        .filter(Boolean)
        .join(' · ');
      li.append(h3, ...known, statusLine, ...scope);
      if (near && search?.place) {
        const distance = document.createElement('p');
        distance.className = 'result__distance';
        const strong = document.createElement('strong');
        strong.textContent = geo.describeDistance(near.miles);
        distance.append(
          strong,
          ` from ${search.place.label} · ${near.based ? 'based in' : 'serves'} ${search.council}`,
        );
        li.append(distance);
      }
      li.append(where);
      return li;
    });
    list.replaceChildren(...items);
  }

  /**
   * The count, what was searched for, and what to do when nothing matches.
   * @param {number} total
   * @param {Search | undefined} search
   */
  function renderSummary(total, search) {
    const noun = total === 1 ? 'provider' : 'providers';
    let text = `${total.toLocaleString('en-GB')} ${noun}`;
    if (state.q) text += ` ${total === 1 ? 'matches' : 'match'} “${state.q}”`;
    const filters = FACETS.reduce((n, f) => n + (state.filters[f.param] ?? []).length, 0);
    if (filters > 0) text += ` with ${filters} filter${filters === 1 ? '' : 's'}`;
    if (total > PAGE_SIZE) {
      const first = (state.page - 1) * PAGE_SIZE + 1;
      text += `. Showing ${first.toLocaleString('en-GB')} to ${Math.min(total, state.page * PAGE_SIZE).toLocaleString('en-GB')}`;
    }
    status.textContent = `${text}.`;
    /** @type {(string | Node)[]} */
    const parts = [];
    const exactLink = (/** @type {string} */ label) => {
      const a = document.createElement('a');
      a.href = `${location.pathname}${stateToQuery({ ...state, exact: true, page: 1 })}`;
      a.dataset.exact = '1';
      a.textContent = label;
      return a;
    };
    if (search?.place) {
      parts.push(placeSummary(search.place, search.council ?? ''));
      if (search.place.note) parts.push(` ${search.place.note}`);
      if (search.place.kind === 'town' || search.place.kind === 'council') {
        parts.push(' ', exactLink(`Search for the word “${state.q}” instead`), '.');
      }
    }
    const tolerated = search?.tolerated ?? [];
    if (tolerated.length > 0) {
      const b = (/** @type {string} */ t) => {
        const el = document.createElement('strong');
        el.textContent = t;
        return el;
      };
      if (parts.length) parts.push(' ');
      parts.push('Showing results for ');
      tolerated.forEach((t, i) => {
        if (i > 0) parts.push(', ');
        if (t.kind === 'prefix') parts.push('words starting ', b(t.typed));
        else parts.push(b(t.meant));
      });
      const typed = tolerated.filter((t) => t.kind === 'typo').map((t) => t.typed);
      if (typed.length > 0) parts.push('; search instead for ', exactLink(typed.join(' ')));
      parts.push('.');
    }
    if (search && !search.matchedAll) {
      parts.push(` No provider matches every word of “${state.q}”, so these match some of them.`);
    }
    if (total === 0) for (const part of zeroResultAdvice(search)) parts.push(part);
    notice.replaceChildren(...parts);
    notice.hidden = parts.length === 0;
  }

  /**
   * What to try when nothing matches: fewer filters, the council's page, other words.
   * @param {Search | undefined} search
   * @returns {(string | Node)[]}
   */
  function zeroResultAdvice(search) {
    /** @type {(string | Node)[]} */
    const advice = [' No providers match.'];
    if (hasFilters(state)) {
      const clearLink = document.createElement('a');
      clearLink.href = `${location.pathname}${stateToQuery({ ...state, filters: {}, page: 1 })}`;
      clearLink.textContent = 'Remove the filters';
      advice.push(' ', clearLink, ' to see more.');
    }
    if (search?.place?.council) {
      const council = document.createElement('a');
      council.href = `${siteBase}providers/local-authority/${encodeURIComponent(search.place.council.toLowerCase())}/`;
      council.textContent = `providers based in or serving ${search.council || 'the council'}`;
      advice.push(' See all ', council, '.');
    } else if (state.q) {
      advice.push(
        ' Check the spelling, use fewer words, or try a town, a postcode such as M33 7AB, or a service such as befriending.',
      );
    }
    const browse = document.createElement('a');
    browse.href = `${siteBase}providers/local-authority/`;
    browse.textContent = 'browse providers by council';
    advice.push(' You can also ', browse, '.');
    return advice;
  }

  /**
   * The chosen filters as buttons that remove them, and their number on the toggle.
   * @param {any} m
   */
  function renderSelected(m) {
    const items = [];
    for (const facet of FACETS) {
      for (const code of state.filters[facet.param] ?? []) {
        const title =
          m[facet.list].find((/** @type {{code: string}} */ v) => v.code === code)?.title ?? code;
        const li = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset.param = facet.param;
        button.dataset.value = code;
        const hidden = document.createElement('span');
        hidden.className = 'visually-hidden';
        hidden.textContent = `Remove filter ${facet.label}: `;
        const cross = document.createElement('span');
        cross.setAttribute('aria-hidden', 'true');
        cross.textContent = '×';
        button.append(hidden, `${title} `, cross);
        li.append(button);
        items.push(li);
      }
    }
    selectedList.replaceChildren(...items);
    selectedList.hidden = items.length === 0;
    filtersToggle.textContent = items.length ? `Filters (${items.length} selected)` : 'Filters';
  }

  /** @param {number} pages */
  function renderPager(pages) {
    pager.replaceChildren();
    if (pages <= 1) return;
    const ul = document.createElement('ul');
    const add = (
      /** @type {number} */ page,
      /** @type {string} */ text,
      /** @type {string} */ label,
    ) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `${location.pathname}${stateToQuery({ ...state, page })}`;
      a.dataset.page = String(page);
      a.textContent = text;
      if (label) a.setAttribute('aria-label', label);
      if (page === state.page) a.setAttribute('aria-current', 'page');
      li.append(a);
      ul.append(li);
    };
    const gap = () => {
      const li = document.createElement('li');
      li.className = 'pagination__gap';
      li.textContent = '…';
      ul.append(li);
    };
    if (state.page > 1) add(state.page - 1, 'Previous', 'Previous page');
    const shown = new Set(
      [1, pages, state.page - 1, state.page, state.page + 1].filter((p) => p >= 1 && p <= pages),
    );
    let last = 0;
    for (const page of [...shown].sort((a, b) => a - b)) {
      if (page > last + 1) gap();
      add(page, String(page), `Page ${page}`);
      last = page;
    }
    if (state.page < pages) add(state.page + 1, 'Next', 'Next page');
    pager.append(ul);
  }

  /** A query that is a provider or certificate number: offer to go straight there. */
  function showDirectLink() {
    const direct = /** @type {HTMLElement} */ (app.querySelector('#direct-link'));
    const id = state.q ? directIdentifier(state.q) : undefined;
    direct.hidden = !id;
    direct.replaceChildren();
    if (!id) return;
    const path = id.kind === 'certificate' ? 'certificates' : 'providers';
    const a = document.createElement('a');
    a.href = `${siteBase}${path}/${encodeURIComponent(id.id)}/`;
    a.textContent =
      id.kind === 'certificate' ? `Check certificate ${id.id}` : `Go to provider ${id.id}`;
    direct.append(a);
  }

  /** @param {'csv' | 'json'} format */
  async function download(format) {
    const m = await manifestPromise;
    downloadStatus.textContent = `Preparing ${current.length.toLocaleString('en-GB')} results…`;
    try {
      const records = (await rows(current))
        .filter(Boolean)
        .map((row) => resultRecord(row, m, siteUrl));
      const stamp = m.today;
      let blob;
      if (format === 'csv') {
        blob = new Blob([toCsv(DOWNLOAD_COLUMNS, records.map(csvRow))], {
          type: 'text/csv;charset=utf-8',
        });
      } else {
        const body = {
          source: location.href,
          as_of: m.today,
          query: state.q,
          filters: state.filters,
          count: records.length,
          licence: 'Open Government Licence v3.0',
          results: records.map((r) => Object.fromEntries(DOWNLOAD_COLUMNS.map((c) => [c, r[c]]))),
        };
        blob = new Blob([`${JSON.stringify(body, null, 2)}\n`], { type: 'application/json' });
      }
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `kitemark-providers-${stamp}.${format}`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      downloadStatus.textContent = `Downloaded ${records.length.toLocaleString('en-GB')} results as ${format.toUpperCase()}.`;
    } catch {
      downloadStatus.textContent =
        'The download failed. Try again, or use the full data downloads.';
    }
  }

  /** @param {unknown} [error] */
  function fail(error) {
    app.hidden = false;
    app.dataset.state = 'error';
    status.textContent = 'Search is not available just now. Browse the providers instead, below.';
    if (error) console.error(error);
  }

  /** @param {number} n */
  function range(n) {
    return Array.from({ length: n }, (_, i) => i);
  }
}
