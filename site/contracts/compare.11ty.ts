/**
 * `/contracts/<template-id>/compare/<from>-to-<to>/`: pre-rendered for every ordered pair of
 * versions of a template (views/renderComparePages.ts).
 */
import type { SiteData } from '../../scripts/site/eleventyPlugin.ts';
import { allPairs, contractSiteData } from '../../scripts/contracts/contractSiteData.ts';
import {
  contractPaths,
  type ContractEntry,
  type ContractVersion,
} from '../../scripts/lib/contracts/catalogueContracts.ts';
import { renderComparePage } from './views/renderComparePages.ts';

type Data = SiteData & {
  pair: { entry: ContractEntry; from: ContractVersion; to: ContractVersion };
};

export const data = {
  pagination: {
    data: 'loaded',
    size: 1,
    alias: 'pair',
    before: (_: unknown, all: SiteData) => allPairs(contractSiteData(all.loaded, all.register)),
  },
  permalink: ({ pair }: Data) =>
    `/${contractPaths.comparePair(pair.entry.id, pair.from.version, pair.to.version)}`,
  eleventyExcludeFromCollections: true,
};

export function render({ register, loaded, site, pair }: Data): string {
  const contracts = contractSiteData(loaded, register);
  return renderComparePage(site, pair.entry, pair.from, pair.to, contracts.titles);
}
