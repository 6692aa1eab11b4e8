import { describe, expect, it } from 'vitest';
import { FacetData } from '../../../site/assets/search/facets.js';
import { toGaps } from '../../../site/assets/search/terms.js';

// Five documents: statuses, councils (council 0 and 1 in region 0, council 2 in region 1),
// services and user groups.
const LISTS = {
  count: 5,
  statuses: [{}, {}, {}],
  regions: [{}, {}],
  las: [{ region: 0 }, { region: 0 }, { region: 1 }],
  services: Array.from({ length: 40 }, () => ({})),
  groups: [{}, {}],
};
const JSON_FACETS = {
  status: '00120',
  la: [0, 1, 2, 2, 0],
  services: [
    toGaps([0, 1]),
    toGaps([1, 2, 3]),
    ...Array.from({ length: 37 }, () => []),
    toGaps([4]),
  ],
  groups: [toGaps([0, 2, 4]), toGaps([1])],
};

describe('FacetData', () => {
  const facets = new FacetData(JSON_FACETS, LISTS);

  it('counts every value over all documents with nothing chosen', () => {
    const { matches, counts } = facets.filter(null, {});
    expect(matches).toEqual([0, 1, 2, 3, 4]);
    expect([...counts['status']!]).toEqual([3, 1, 1]);
    expect([...counts['region']!]).toEqual([3, 2]);
    expect(counts['service']![0]).toBe(2);
    expect(counts['service']![39]).toBe(1);
  });

  it('keeps values within a facet as alternatives and facets as requirements', () => {
    expect(facets.filter(null, { service: [0, 39] }).matches).toEqual([0, 1, 4]);
    expect(facets.filter(null, { service: [0, 39], status: [0] }).matches).toEqual([0, 1, 4]);
    expect(facets.filter(null, { service: [1], region: [1] }).matches).toEqual([2, 3]);
  });

  it('counts a facet as if its own choice were not made', () => {
    const { counts } = facets.filter(null, { status: [1] });
    expect([...counts['status']!]).toEqual([3, 1, 1]);
    expect([...counts['region']!]).toEqual([0, 1]);
  });

  it('filters and counts only the candidates a query found', () => {
    const { matches, counts } = facets.filter([4, 2], { group: [0] });
    expect(matches).toEqual([4, 2]);
    expect([...counts['group']!]).toEqual([2, 0]);
  });
});
