import { describe, expect, it } from 'vitest';
import { searchInput } from '../../../scripts/publish/site/search/searchInput.ts';
import { siteFixture } from '../../support/siteRegister.ts';

const input = searchInput(siteFixture().register);

describe('searchInput', () => {
  it('numbers documents in name order and indexes services by title', () => {
    expect(input.rows.map((r) => r[1])).toEqual([
      'Harbour Carers Trust',
      'Kestrel Advocacy Project',
      expect.stringContaining('Sale'),
    ]);
    expect(input.documents[0]!['s']).toBe('Support for unpaid carers Respite and short breaks');
    expect(input.documents[0]!['p']).toBe('DT1');
  });
});
