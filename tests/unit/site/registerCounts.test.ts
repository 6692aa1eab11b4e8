import { describe, expect, it } from 'vitest';
import { registerCounts } from '../../../scripts/publish/site/registerCounts.ts';
import { siteFixture } from '../../support/siteRegister.ts';

const { register } = siteFixture();

describe('registerCounts', () => {
  it('counts providers by the status readers see', () => {
    const counts = registerCounts(register);
    expect(counts.providers).toBe(3);
    expect(counts.byStatus).toMatchObject({ accredited: 2, applied: 1 });
    expect(counts.certificates).toBe(3);
  });
});
