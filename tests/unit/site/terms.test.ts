import { describe, expect, it } from 'vitest';
import {
  shardFileName,
  shardForTerm,
  shardsForPrefix,
  toGaps,
  undoGaps,
} from '../../../site/assets/search/terms.js';

describe('terms', () => {
  const keys = new Set(['ca', 'care', 'cart', 'd']);
  it('finds the shard of a term: the longest key it starts with', () => {
    expect(shardForTerm('carer', keys)).toBe('care');
    expect(shardForTerm('cab', keys)).toBe('ca');
    expect(shardForTerm('dog', keys)).toBe('d');
    expect(shardForTerm('x', keys)).toBeUndefined();
  });
  it('finds every shard a prefix can reach', () => {
    expect(shardsForPrefix('car', keys)).toEqual(['ca', 'care', 'cart']);
    expect(shardsForPrefix('care', keys)).toEqual(['care']);
  });
  it('names shard files safely', () => {
    expect(shardFileName('km-')).toBe('km_002d');
    expect(shardFileName('é')).toBe('_00e9');
    expect(shardFileName('../')).toBe('_002e_002e_002f');
  });
  it('round-trips gaps', () => {
    expect(undoGaps(toGaps([3, 4, 10]))).toEqual([3, 4, 10]);
  });
});
