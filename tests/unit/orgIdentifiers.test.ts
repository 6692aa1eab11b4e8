import { describe, expect, it } from 'vitest';
import { orgIdentifiers } from '../../scripts/lib/orgIdentifiers.ts';
import type { Provider } from '../../scripts/lib/types.generated.ts';

const provider = {
  provider_id: 'P000001',
  charity_number: '1100001',
  company_number: '01234567',
  oscr_number: 'SC012345',
  cqc_provider_id: '1-101',
  ods_code: '',
} as unknown as Provider;

describe('orgIdentifiers', () => {
  it('prefixes each number the provider holds with its org-id scheme', () => {
    expect(orgIdentifiers(provider).map((i) => i.id)).toEqual([
      'GB-CHC-1100001',
      'GB-SC-SC012345',
      'GB-COH-01234567',
      'GB-CQC-1-101',
    ]);
  });

  it('keeps the value as the register holds it, leading zeros included', () => {
    const company = orgIdentifiers(provider).find((i) => i.scheme.scheme === 'GB-COH');
    expect(company?.value).toBe('01234567');
  });

  it('says which schemes org-id.guide does not list', () => {
    expect(
      orgIdentifiers(provider)
        .filter((i) => !i.scheme.listed)
        .map((i) => i.scheme.field),
    ).toEqual(['cqc_provider_id']);
  });
});
