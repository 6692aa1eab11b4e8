import { describe, expect, it } from 'vitest';
import { commissionerGroups } from '../../../scripts/publish/site/commissionerGroups.ts';
import { siteFixture } from '../../support/siteRegister.ts';

const { register } = siteFixture();

describe('commissionerGroups', () => {
  it('groups by type in codelist order, then by region', () => {
    const groups = commissionerGroups(register);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(register.commissioners.length);
    for (const g of groups) {
      expect(g.regions.flatMap((r) => r.commissioners).length).toBe(g.count);
      expect(g.title).not.toBe(g.type);
    }
  });
});
