/**
 * What the search index knows about each provider: the text of each searchable field.
 * Other names (working, former, short) are indexed as part of the name, as people search by
 * them: not as a field of their own, since every field adds a clause to every query term.
 * Services and user groups are indexed by their titles, as people type them; places by
 * town, postcode district and council; identifiers whole, so a charity number or certificate
 * number finds its provider.
 */
import type { Register, ProviderView } from '../../../lib/buildRegister.ts';

export interface SearchField {
  /** One letter: it appears in every posting, so short keys keep the index small. */
  key: string;
  name: string;
  /** How much a match in this field counts at query time (lunr query clause boost). */
  boost: number;
  /** Identifiers are indexed whole and never matched fuzzily. */
  exact?: boolean;
}

export const SEARCH_FIELDS: readonly SearchField[] = [
  { key: 'n', name: 'name', boost: 10 },
  { key: 'i', name: 'identifiers', boost: 10, exact: true },
  { key: 't', name: 'town', boost: 6 },
  { key: 'p', name: 'postcode district', boost: 6 },
  { key: 'a', name: 'local authority', boost: 4 },
  { key: 's', name: 'services', boost: 3 },
  { key: 'g', name: 'user groups', boost: 3 },
  { key: 'd', name: 'description', boost: 1 },
];

export type SearchDocument = Record<string, string | string[]>;

/** The outward code of a postcode: `OX7 6BQ` gives `OX7`. */
export function postcodeDistrict(postcode: string): string {
  const compact = postcode.replace(/\s+/g, '').toUpperCase();
  return compact.length > 3 ? compact.slice(0, -3) : compact;
}

/** Identifiers as people type them, lower case, each kept whole (never split on `-`). */
export function identifierTokens(p: ProviderView): string[] {
  const ids = [
    p.provider_id,
    p.charity_number,
    p.oscr_number,
    p.company_number,
    p.cqc_provider_id,
    p.ods_code,
    ...p.accreditations.map((a) => a.accreditation_id),
  ];
  return ids.filter((id): id is string => !!id).map((id) => id.toLowerCase());
}

/** The searchable text of one provider, by field key. */
export function searchDocument(register: Register, p: ProviderView): SearchDocument {
  const title = (list: string, code: string) =>
    register.codelists.get(list)?.get(code)?.title ?? code;
  return {
    n: [p.name, ...(p.other_names ?? [])].join(' '),
    i: identifierTokens(p),
    t: p.town,
    p: postcodeDistrict(p.postcode),
    a: p.local_authority_name,
    s: p.services.map((s) => title('services', s)).join(' '),
    g: p.user_groups.map((g) => title('user-groups', g)).join(' '),
    d: p.description ?? '',
  };
}
