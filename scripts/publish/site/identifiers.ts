/**
 * A provider's identifiers, each linked to the official register that issued it, so a
 * reader can check the organisation there. Values are validated by the schema; they are
 * still URL-encoded here, because a link must never depend on that.
 */
import type { Provider } from '../../lib/types.generated.ts';

export interface IdentifierLink {
  /** "Charity Commission (England and Wales)". */
  register: string;
  /** The field in providers.csv. */
  field: keyof Provider;
  value: string;
  /** The record on the official register, if it has public pages. */
  url?: string;
}

const REGISTERS: {
  field: keyof Provider;
  register: string;
  url?: (value: string) => string;
}[] = [
  {
    field: 'charity_number',
    register: 'Charity Commission for England and Wales',
    url: (n) =>
      `https://register-of-charities.charitycommission.gov.uk/charity-search/-/charity-details/${encodeURIComponent(n)}`,
  },
  {
    field: 'oscr_number',
    register: 'Scottish Charity Regulator (OSCR)',
    url: (n) =>
      `https://www.oscr.org.uk/about-charities/search-the-register/charity-details?number=${encodeURIComponent(n)}`,
  },
  {
    field: 'company_number',
    register: 'Companies House',
    url: (n) =>
      `https://find-and-update.company-information.service.gov.uk/company/${encodeURIComponent(n)}`,
  },
  {
    field: 'cqc_provider_id',
    register: 'Care Quality Commission',
    url: (id) => `https://www.cqc.org.uk/provider/${encodeURIComponent(id)}`,
  },
  { field: 'ods_code', register: 'NHS Organisation Data Service' },
];

export function identifierLinks(p: Provider): IdentifierLink[] {
  const links: IdentifierLink[] = [];
  for (const r of REGISTERS) {
    const value = p[r.field];
    if (typeof value !== 'string' || value === '') continue;
    const link: IdentifierLink = { register: r.register, field: r.field, value };
    if (r.url) link.url = r.url(value);
    links.push(link);
  }
  return links;
}
