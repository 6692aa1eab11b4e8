/**
 * A provider's identifiers, each linked to the official register that issued it, so a
 * reader can check the organisation there. Values are validated by the schema; they are
 * still URL-encoded here, because a link must never depend on that.
 */
import { orgIdentifiers } from '../../lib/orgIdentifiers.ts';
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

/** The official registers' public pages, by field; ODS has none. */
const RECORD_URL: Partial<Record<keyof Provider, (value: string) => string>> = {
  charity_number: (n) =>
    `https://register-of-charities.charitycommission.gov.uk/charity-search/-/charity-details/${encodeURIComponent(n)}`,
  oscr_number: (n) =>
    `https://www.oscr.org.uk/about-charities/search-the-register/charity-details?number=${encodeURIComponent(n)}`,
  company_number: (n) =>
    `https://find-and-update.company-information.service.gov.uk/company/${encodeURIComponent(n)}`,
  cqc_provider_id: (id) => `https://www.cqc.org.uk/provider/${encodeURIComponent(id)}`,
};

export function identifierLinks(p: Provider): IdentifierLink[] {
  return orgIdentifiers(p).map(({ scheme, value }) => {
    const link: IdentifierLink = { register: scheme.register, field: scheme.field, value };
    const url = RECORD_URL[scheme.field];
    if (url) link.url = url(value);
    return link;
  });
}
