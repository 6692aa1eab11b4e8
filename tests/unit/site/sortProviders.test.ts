import { describe, expect, it } from 'vitest';
import { initialOf, sortByName } from '../../../scripts/publish/site/sortProviders.ts';

describe('initialOf', () => {
  it('files names under their first letter, ignoring "The" and accents', () => {
    expect(initialOf('The Harbour Trust')).toBe('H');
    expect(initialOf('Ēire Carers')).toBe('E');
    expect(initialOf('3 Rivers')).toBe('0-9');
    expect(initialOf('"Quoted"')).toBe('0-9');
  });
});

describe('sortByName', () => {
  it('ignores case and orders numbers numerically', () => {
    const sorted = sortByName([
      { name: 'b 10', provider_id: 'P1' },
      { name: 'B 9', provider_id: 'P2' },
      { name: 'a', provider_id: 'P3' },
    ]);
    expect(sorted.map((p) => p.name)).toEqual(['a', 'B 9', 'b 10']);
  });
});
