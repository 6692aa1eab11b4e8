// @ts-check
/**
 * The search page's state, all of it in the address so a search can be shared and the back
 * button works: `?q=dementia&region=E12000003&service=befriending&sort=name&page=2`.
 * Unknown codes, bad numbers and over-long text are dropped, never trusted. Pure.
 */

/** The facets, in the order they are shown; `list` names the manifest list of values. */
export const FACETS = /** @type {const} */ ([
  { param: 'status', list: 'statuses', label: 'Kitemark status', plural: 'statuses' },
  { param: 'region', list: 'regions', label: 'Region', plural: 'regions' },
  { param: 'la', list: 'las', label: 'Council', plural: 'councils' },
  { param: 'service', list: 'services', label: 'Service', plural: 'services' },
  { param: 'group', list: 'groups', label: 'People supported', plural: 'groups of people' },
]);

export const SORTS = /** @type {const} */ ({
  relevance: 'Best match',
  name: 'Name, A to Z',
  'name-desc': 'Name, Z to A',
});

export const PAGE_SIZE = 20;
const MAX_PAGE = 100_000;
const MAX_QUERY = 200;

/**
 * @typedef {keyof typeof SORTS} Sort
 * @typedef {{ q: string, filters: Record<string, string[]>, sort: Sort, page: number,
 *   exact?: boolean }} State
 *   exact: the words as typed (`as=typed`): no place, prefix or typo tolerance
 * @typedef {Record<string, { code: string }[]>} Lists the manifest's lists, by name
 */

/**
 * @param {URLSearchParams} params
 * @param {Lists} lists
 * @returns {State}
 */
export function parseState(params, lists) {
  const q = (params.get('q') ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY);
  /** @type {Record<string, string[]>} */
  const filters = {};
  for (const facet of FACETS) {
    const known = new Set((lists[facet.list] ?? []).map((v) => v.code));
    const wanted = params.getAll(facet.param).flatMap((v) => v.split(','));
    filters[facet.param] = [...new Set(wanted.filter((v) => known.has(v)))];
  }
  const sortParam = params.get('sort') ?? '';
  const sort = /** @type {Sort} */ (Object.hasOwn(SORTS, sortParam) ? sortParam : defaultSort(q));
  const pageParam = Number(params.get('page') ?? '1');
  const page = Number.isInteger(pageParam) && pageParam >= 1 ? Math.min(pageParam, MAX_PAGE) : 1;
  /** @type {State} */
  const state = { q, filters, sort, page };
  if (params.get('as') === 'typed') state.exact = true;
  return state;
}

/** With a query, best match first; without one, by name. @param {string} q @returns {Sort} */
export function defaultSort(q) {
  return q ? 'relevance' : 'name';
}

/**
 * The address query string for a state, leaving out defaults.
 * @param {State} state
 * @returns {string} `?…`, or '' for the empty state
 */
export function stateToQuery(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const facet of FACETS) {
    for (const code of state.filters[facet.param] ?? []) params.append(facet.param, code);
  }
  if (state.sort !== defaultSort(state.q)) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.exact && state.q) params.set('as', 'typed');
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** @param {State} state */
export function hasFilters(state) {
  return FACETS.some((f) => (state.filters[f.param] ?? []).length > 0);
}
