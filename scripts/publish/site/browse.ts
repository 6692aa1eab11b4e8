/**
 * The browse pages: the no-JavaScript way through the register. Providers grouped A–Z, by
 * council, by service, by region and by status, in name order, BROWSE_PAGE_SIZE to a page.
 * Each group's first page is `<group>/`, later pages `<group>/<n>/`.
 */
import type { ProviderView, Register } from '../../lib/buildRegister.ts';
import { DISPLAY_STATUS_LABELS } from '../../lib/buildRegister.ts';
import { compareProviderNames, initialOf, sortByName } from './sortProviders.ts';
import { STATUS_ORDER } from './search/searchInput.ts';

export const BROWSE_PAGE_SIZE = 200;

export type BrowseKind = 'a-z' | 'local-authority' | 'service' | 'region' | 'status';

export const BROWSE_KINDS: { kind: BrowseKind; title: string; heading: string }[] = [
  { kind: 'a-z', title: 'A to Z', heading: 'Providers A to Z' },
  { kind: 'local-authority', title: 'By council', heading: 'Providers by council' },
  { kind: 'service', title: 'By service', heading: 'Providers by service' },
  { kind: 'region', title: 'By region', heading: 'Providers by region' },
  { kind: 'status', title: 'By status', heading: 'Providers by kitemark status' },
];

/** Group keys are codes (validated by the schema) or A–Z letters; URL-encoded all the same. */
export const browsePaths = {
  index: (kind: BrowseKind) => `providers/${kind}/`,
  group: (kind: BrowseKind, key: string, page = 1) =>
    `providers/${kind}/${encodeURIComponent(key.toLowerCase())}/${page > 1 ? `${page}/` : ''}`,
  letter: (letter: string) => browsePaths.group('a-z', letter),
  council: (code: string) => browsePaths.group('local-authority', code),
  service: (code: string) => browsePaths.group('service', code),
};

export interface BrowseGroup {
  kind: BrowseKind;
  key: string;
  title: string;
  /** For councils: the region's title, to group the index page. */
  parent?: string;
  providers: ProviderView[];
  /** For A–Z letters: other names beginning with the letter, with whose names they are. */
  otherNames?: OtherName[];
}

export interface OtherName {
  name: string;
  provider: ProviderView;
}

export interface BrowsePage {
  group: BrowseGroup;
  page: number;
  pageCount: number;
  providers: ProviderView[];
  path: string;
}

const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '0-9'];

export function browseGroups(register: Register): BrowseGroup[] {
  const sorted = sortByName(register.providers);
  const title = (list: string, code: string) =>
    register.codelists.get(list)?.get(code)?.title ?? code;
  const groups: BrowseGroup[] = [];
  const collect = (
    kind: BrowseKind,
    keysOf: (p: ProviderView) => readonly string[],
    order: readonly string[],
    titleOf: (key: string) => string,
    parentOf?: (key: string) => string | undefined,
  ) => {
    const members = new Map<string, ProviderView[]>();
    for (const p of sorted) {
      for (const key of keysOf(p)) {
        const list = members.get(key);
        if (list) list.push(p);
        else members.set(key, [p]);
      }
    }
    const keys = [...new Set([...order.filter((k) => members.has(k)), ...members.keys()])];
    for (const key of keys) {
      const group: BrowseGroup = { kind, key, title: titleOf(key), providers: members.get(key)! };
      const parent = parentOf?.(key);
      if (parent) group.parent = parent;
      groups.push(group);
    }
  };
  const otherNames = otherNamesByLetter(sorted);
  collect(
    'a-z',
    (p) => [initialOf(p.name)],
    LETTERS,
    (l) => (l === '0-9' ? '0–9' : l),
  );
  for (const [letter, names] of otherNames) {
    let group = groups.find((g) => g.kind === 'a-z' && g.key === letter);
    if (!group) {
      // A letter only other names begin with still gets its page, in A–Z order.
      group = { kind: 'a-z', key: letter, title: letter === '0-9' ? '0–9' : letter, providers: [] };
      const after = groups.findIndex(
        (g) => g.kind === 'a-z' && LETTERS.indexOf(g.key) > LETTERS.indexOf(letter),
      );
      groups.splice(after === -1 ? groups.length : after, 0, group);
    }
    group.otherNames = names;
  }
  const councils = register.codelists.get('local-authorities');
  const councilOrder = [...new Set(sorted.map((p) => p.local_authority))].sort((a, b) =>
    title('local-authorities', a).localeCompare(title('local-authorities', b), 'en-GB'),
  );
  collect(
    'local-authority',
    (p) => [p.local_authority],
    councilOrder,
    (code) => title('local-authorities', code),
    (code) => {
      const region = councils?.get(code)?.['region'];
      return region ? title('regions', region) : undefined;
    },
  );
  collect(
    'service',
    (p) => p.services,
    [...(register.codelists.get('services')?.keys() ?? [])],
    (code) => title('services', code),
  );
  collect(
    'region',
    (p) => (p.region ? [p.region.code] : []),
    [...(register.codelists.get('regions')?.keys() ?? [])],
    (code) => title('regions', code),
  );
  collect(
    'status',
    (p) => [p.status],
    STATUS_ORDER,
    (s) => DISPLAY_STATUS_LABELS[s as never],
  );
  return groups;
}

/**
 * Other names by first letter, in name order, so a person browsing A–Z without JavaScript
 * finds a provider under a former or working name too. A name the provider's own name starts
 * with ("Wessex Carers" for "Wessex Carers CIO") is left out: the list already has it there.
 */
function otherNamesByLetter(providers: readonly ProviderView[]): Map<string, OtherName[]> {
  const byLetter = new Map<string, OtherName[]>();
  for (const provider of providers) {
    for (const name of provider.other_names ?? []) {
      if (provider.name.toLowerCase().startsWith(name.toLowerCase())) continue;
      const letter = initialOf(name);
      const list = byLetter.get(letter);
      if (list) list.push({ name, provider });
      else byLetter.set(letter, [{ name, provider }]);
    }
  }
  for (const list of byLetter.values())
    list.sort((a, b) =>
      compareProviderNames(
        { name: a.name, provider_id: a.provider.provider_id },
        { name: b.name, provider_id: b.provider.provider_id },
      ),
    );
  return byLetter;
}

export function browsePages(groups: readonly BrowseGroup[], size = BROWSE_PAGE_SIZE): BrowsePage[] {
  const pages: BrowsePage[] = [];
  for (const group of groups) {
    const pageCount = Math.max(1, Math.ceil(group.providers.length / size));
    for (let page = 1; page <= pageCount; page++) {
      pages.push({
        group,
        page,
        pageCount,
        providers: group.providers.slice((page - 1) * size, page * size),
        path: browsePaths.group(group.kind, group.key, page),
      });
    }
  }
  return pages;
}
