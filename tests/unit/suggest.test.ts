import { describe, expect, it } from 'vitest';
import { suggestCode } from '../../scripts/lib/suggest.ts';

const statuses = ['applied', 'accredited', 'suspended', 'withdrawn', 'lapsed'];

describe('suggestCode', () => {
  it('corrects case, typos and spacing, and lists short codelists otherwise', () => {
    expect(suggestCode('Accredited', statuses, 'accreditation-statuses')).toBe(
      'write it as "accredited"',
    );
    expect(suggestCode('acredited', statuses, 'accreditation-statuses')).toBe(
      'did you mean "accredited"?',
    );
    expect(suggestCode('carers support', ['carers-support'], 'services')).toBe(
      'write it as "carers-support"',
    );
    expect(suggestCode('revoked', statuses, 'accreditation-statuses')).toBe(
      'use one of: "applied", "accredited", "suspended", "withdrawn", "lapsed"',
    );
    const many = Array.from({ length: 20 }, (_, i) => `code-${i}`);
    expect(suggestCode('zzzzzzzz', many, 'services')).toBe(
      'use a code from data/codelists/services.csv',
    );
  });
});
