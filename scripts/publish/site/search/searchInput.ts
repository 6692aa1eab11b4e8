/**
 * Everything the search index is built from, taken from the register in one pass: plain
 * data only (strings, numbers, arrays), so it can be handed to a worker thread that builds
 * the index while the main thread writes pages.
 */
import type { ProviderView, Register } from '../../../lib/buildRegister.ts';
import { DISPLAY_STATUS_LABELS, type DisplayStatus } from '../../../lib/buildRegister.ts';
import { sortByName } from '../sortProviders.ts';
import { searchDocument, type SearchDocument } from './searchDocuments.ts';

export interface Coded {
  code: string;
  title: string;
}

/** The order of status codes in the index and the facet list. */
export const STATUS_ORDER: readonly DisplayStatus[] = [
  'accredited',
  'expired',
  'suspended',
  'applied',
  'lapsed',
  'withdrawn',
  'none',
];

/**
 * What a search result shows and a results download holds, as a positional array (short
 * keys would repeat 50,000 times): see ROW_COLUMNS.
 */
export type ResultRow = [
  id: string,
  name: string,
  town: string,
  postcode: string,
  la: number,
  status: number,
  expiresOn: string,
  certificate: string,
  services: number[],
  groups: number[],
  otherNames: string[],
];

export const ROW_COLUMNS = [
  'provider_id',
  'name',
  'town',
  'postcode',
  'la',
  'status',
  'expires_on',
  'certificate',
  'services',
  'groups',
  'other_names',
] as const;

export interface SearchLists {
  statuses: Coded[];
  regions: Coded[];
  /** Councils providers are in, by name, with the index of their region (-1 if none). */
  las: (Coded & { region: number })[];
  services: Coded[];
  groups: Coded[];
}

export interface SearchInput {
  today: string;
  /** Text of each searchable field; document number = position = rank by name. */
  documents: SearchDocument[];
  rows: ResultRow[];
  lists: SearchLists;
}

export function searchInput(register: Register): SearchInput {
  const providers = sortByName(register.providers);
  const lists = searchLists(register, providers);
  const index = <T extends { code: string }>(list: readonly T[]) =>
    new Map(list.map((item, i) => [item.code, i]));
  const la = index(lists.las);
  const status = index(lists.statuses);
  const service = index(lists.services);
  const group = index(lists.groups);
  return {
    today: register.today,
    documents: providers.map((p) => searchDocument(register, p)),
    rows: providers.map((p) => [
      p.provider_id,
      p.name,
      p.town,
      p.postcode,
      la.get(p.local_authority) ?? -1,
      status.get(p.status) ?? STATUS_ORDER.length - 1,
      p.current?.expires_on ?? '',
      p.current?.accreditation_id ?? '',
      p.services.map((s) => service.get(s) ?? -1).filter((i) => i >= 0),
      p.user_groups.map((g) => group.get(g) ?? -1).filter((i) => i >= 0),
      p.other_names ?? [],
    ]),
    lists,
  };
}

function searchLists(register: Register, providers: readonly ProviderView[]): SearchLists {
  const codelist = (name: string): Coded[] =>
    [...(register.codelists.get(name)?.values() ?? [])].map((e) => ({
      code: e.code,
      title: e.title,
    }));
  const regions = codelist('regions');
  const regionIndex = new Map(regions.map((r, i) => [r.code, i]));
  // Only councils some provider is in: the codelist also holds abolished councils.
  const entries = register.codelists.get('local-authorities');
  const las = [...new Set(providers.map((p) => p.local_authority))]
    .map((code) => {
      const entry = entries?.get(code);
      return {
        code,
        title: entry?.title ?? code,
        region: regionIndex.get(entry?.['region'] ?? '') ?? -1,
      };
    })
    .sort((a, b) => a.title.localeCompare(b.title, 'en-GB') || (a.code < b.code ? -1 : 1));
  return {
    statuses: STATUS_ORDER.map((code) => ({ code, title: DISPLAY_STATUS_LABELS[code] })),
    regions,
    las,
    services: codelist('services'),
    groups: codelist('user-groups'),
  };
}
