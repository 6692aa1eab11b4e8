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

describe('FacetData, kitemark scope', () => {
  // Doc 0: accredited, offers services 0 and 1, kitemark covers 1 only (the Cedar case).
  // Doc 1: accredited, covers 0. Doc 2: applied, offers 0. Doc 3: accredited, covers 0 and 1.
  const lists = {
    count: 4,
    statuses: [{ code: 'accredited' }, { code: 'applied' }],
    regions: [{}],
    las: [{ region: 0 }],
    services: [{}, {}],
    groups: [{}],
  };
  const facets = new FacetData(
    {
      status: '0010',
      la: [0, 0, 0, 0],
      services: [toGaps([0, 1, 2, 3]), toGaps([0, 3])],
      scope: [toGaps([1, 3]), toGaps([0, 3])],
      groups: [[]],
    },
    lists,
  );

  it('with accredited ticked, matches a service by what the kitemark covers', () => {
    expect(facets.filter(null, { status: [0], service: [0] }).matches).toEqual([1, 3]);
    expect(facets.filter(null, { status: [0, 1], service: [0] }).matches).toEqual([1, 2, 3]);
  });

  it('without a status ticked, matches what providers offer', () => {
    expect(facets.filter(null, { service: [0] }).matches).toEqual([0, 1, 2, 3]);
  });

  it('counts services and statuses as ticking them would give', () => {
    const withAccredited = facets.filter(null, { status: [0] }).counts;
    expect([...withAccredited['service']!]).toEqual([2, 2]);
    const withService = facets.filter(null, { service: [0] }).counts;
    // Ticking "accredited" beside service 0 gives docs 1 and 3, not 0.
    expect([...withService['status']!]).toEqual([2, 1]);
    expect(facets.filter(null, { service: [0], status: [0] }).matches).toHaveLength(2);
  });
});
