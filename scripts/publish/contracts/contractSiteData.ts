/**
 * What the contract pages and the contract publisher share, worked out once per build: the
 * catalogue of templates, the code titles, and every version's downloads (the DOCX takes a
 * moment to make, and both the pages, for file sizes, and the publisher, for the files, need it).
 */
import type { LoadedRegister } from '../../lib/loadRegister.ts';
import type { Register } from '../../lib/buildRegister.ts';
import {
  catalogueContracts,
  type ContractEntry,
  type ContractVersion,
} from '../../lib/contracts/catalogueContracts.ts';
import { codeTitles } from '../../lib/contracts/codeTitles.ts';
import type { CodeTitles } from '../../lib/contracts/describeContract.ts';
import {
  buildContractDownloads,
  type ContractDownloads,
} from '../../lib/contracts/buildContractDownloads.ts';

export interface ContractSiteData {
  entries: ContractEntry[];
  titles: CodeTitles;
  /** Commissioner type code → title, for grouping adopters. */
  commissionerTypes: Record<string, string>;
  downloads(version: ContractVersion): Promise<ContractDownloads>;
}

const cache = new WeakMap<object, ContractSiteData>();

export function contractSiteData(loaded: LoadedRegister, register: Register): ContractSiteData {
  const cached = cache.get(loaded);
  if (cached) return cached;
  const titles = codeTitles(loaded.codelists);
  const made = new Map<string, Promise<ContractDownloads>>();
  const data: ContractSiteData = {
    entries: catalogueContracts(loaded.templates, register.commissioners, titles),
    titles,
    commissionerTypes: Object.fromEntries(
      [...(loaded.codelists.get('commissioner-types')?.entries.values() ?? [])].map((e) => [
        e.code,
        e.title,
      ]),
    ),
    downloads(version) {
      const key = `${version.id}@${version.version}`;
      let downloads = made.get(key);
      if (!downloads) {
        downloads = buildContractDownloads(version.template, titles, 'Kitemark Register');
        made.set(key, downloads);
      }
      return downloads;
    },
  };
  cache.set(loaded, data);
  return data;
}

/** Every version of every template, for paginating version pages. */
export function allVersions(
  data: ContractSiteData,
): { entry: ContractEntry; version: ContractVersion }[] {
  return data.entries.flatMap((entry) => entry.versions.map((version) => ({ entry, version })));
}

/** Every ordered pair of different versions of the same template, for the compare pages. */
export function allPairs(
  data: ContractSiteData,
): { entry: ContractEntry; from: ContractVersion; to: ContractVersion }[] {
  return data.entries.flatMap((entry) =>
    entry.versions.flatMap((from) =>
      entry.versions.filter((to) => to !== from).map((to) => ({ entry, from, to })),
    ),
  );
}
