import { describe, expect, it } from 'vitest';
import { parseState, stateToQuery } from '../../../site/assets/search/urlState.js';
import { SEARCH_LISTS } from '../../support/searchLists.ts';

describe('urlState', () => {
  it('reads the state from the address, dropping unknown codes and bad numbers', () => {
    const state = parseState(
      new URLSearchParams(
        'q=  dementia   care &service=advocacy&service=nope&la=E06000059&page=-3&sort=evil',
      ),
      SEARCH_LISTS,
    );
    expect(state).toEqual({
      q: 'dementia care',
      filters: { status: [], region: [], la: ['E06000059'], service: ['advocacy'], group: [] },
      sort: 'relevance',
      page: 1,
    });
  });
  it('writes the state back, leaving out defaults', () => {
    const state = parseState(
      new URLSearchParams('service=advocacy,befriending&page=2'),
      SEARCH_LISTS,
    );
    expect(state.sort).toBe('name');
    expect(stateToQuery(state)).toBe('?service=advocacy&service=befriending&page=2');
    expect(stateToQuery(parseState(new URLSearchParams(''), SEARCH_LISTS))).toBe('');
  });
});
