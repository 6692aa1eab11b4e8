import { describe, expect, it } from 'vitest';
import { identifierLinks } from '../../../scripts/publish/site/identifiers.ts';
import type { Provider } from '../../../scripts/lib/types.generated.ts';

const provider = {
  provider_id: 'P000001',
  charity_number: '1123456',
  oscr_number: 'SC012345',
  company_number: '04123456',
  cqc_provider_id: '1-101234567',
  ods_code: 'NL3',
} as Provider;

describe('identifierLinks', () => {
  it('links each identifier to its official register', () => {
    expect(identifierLinks(provider).map((l) => l.url)).toEqual([
      'https://register-of-charities.charitycommission.gov.uk/charity-search/-/charity-details/1123456',
      'https://www.oscr.org.uk/about-charities/search-the-register/charity-details?number=SC012345',
      'https://find-and-update.company-information.service.gov.uk/company/04123456',
      'https://www.cqc.org.uk/provider/1-101234567',
      undefined,
    ]);
  });
  it('leaves out identifiers the provider does not have', () => {
    expect(identifierLinks({ provider_id: 'P1' } as Provider)).toEqual([]);
  });
  it('encodes values so a link cannot be bent', () => {
    const odd = identifierLinks({ company_number: '../x?y' } as Provider)[0]!;
    expect(odd.url).toBe(
      'https://find-and-update.company-information.service.gov.uk/company/..%2Fx%3Fy',
    );
  });
});
