/**
 * A provider's identifiers as org-id.guide identifiers (`GB-CHC-1100001`): the scheme-prefixed
 * form that 360Giving, IATI and HSDS's `organization_identifiers` use, so other registers can
 * join on the numbers they already hold.
 */
import type { Provider } from './types.generated.ts';

export interface OrgIdScheme {
  field: keyof Provider;
  /** The org-id.guide list code. */
  scheme: string;
  /** Whether org-id.guide lists the scheme. CQC has no list there; its prefix follows the pattern. */
  listed: boolean;
  /** The issuing register, in words. */
  register: string;
}

export const ORG_ID_SCHEMES: readonly OrgIdScheme[] = [
  {
    field: 'charity_number',
    scheme: 'GB-CHC',
    listed: true,
    register: 'Charity Commission for England and Wales',
  },
  {
    field: 'oscr_number',
    scheme: 'GB-SC',
    listed: true,
    register: 'Scottish Charity Regulator (OSCR)',
  },
  { field: 'company_number', scheme: 'GB-COH', listed: true, register: 'Companies House' },
  {
    field: 'cqc_provider_id',
    scheme: 'GB-CQC',
    listed: false,
    register: 'Care Quality Commission',
  },
  { field: 'ods_code', scheme: 'GB-NHS', listed: true, register: 'NHS Organisation Data Service' },
];

export interface OrgIdentifier {
  scheme: OrgIdScheme;
  /** The value as the register holds it. */
  value: string;
  /** `GB-CHC-1100001`. */
  id: string;
}

export function orgIdentifiers(provider: Provider): OrgIdentifier[] {
  const ids: OrgIdentifier[] = [];
  for (const scheme of ORG_ID_SCHEMES) {
    const value = provider[scheme.field];
    if (typeof value !== 'string' || value === '') continue;
    ids.push({ scheme, value, id: `${scheme.scheme}-${value}` });
  }
  return ids;
}
