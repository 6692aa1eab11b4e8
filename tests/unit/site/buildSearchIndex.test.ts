import { describe, expect, it } from 'vitest';
import { assignShards } from '../../../scripts/publish/site/search/buildSearchIndex.ts';

describe('assignShards', () => {
  it('splits a group by one more character until it is small', () => {
    const terms = ['care', 'carer', 'cart', 'dog'].map((term) => ({ term, bytes: 10 }));
    expect([...assignShards(terms, 45).keys()].sort()).toEqual(['c', 'd']);
    const fine = assignShards(terms, 25);
    expect([...fine.keys()].sort()).toEqual(['care', 'cart', 'd']);
    expect(fine.get('care')!.map((t) => t.term)).toEqual(['care', 'carer']);
  });
});
