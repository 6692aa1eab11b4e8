/** `/contracts/<template-id>/<version>/`: one page per version (views/renderContractVersionPage.ts). */
import type { SiteData } from '../../scripts/site/eleventyPlugin.ts';
import { allVersions, contractSiteData } from '../../scripts/contracts/contractSiteData.ts';
import {
  contractPaths,
  type ContractEntry,
  type ContractVersion,
} from '../../scripts/lib/contracts/catalogueContracts.ts';
import { renderContractVersionPage } from './views/renderContractVersionPage.ts';

type Data = SiteData & { item: { entry: ContractEntry; version: ContractVersion } };

export const data = {
  pagination: {
    data: 'loaded',
    size: 1,
    alias: 'item',
    before: (_: unknown, all: SiteData) => allVersions(contractSiteData(all.loaded, all.register)),
  },
  permalink: ({ item }: Data) => `/${contractPaths.version(item.entry.id, item.version.version)}`,
  eleventyExcludeFromCollections: true,
};

export async function render({ register, loaded, site, item }: Data): Promise<string> {
  const contracts = contractSiteData(loaded, register);
  const downloads = await contracts.downloads(item.version);
  return renderContractVersionPage(site, item.entry, item.version, contracts.titles, downloads);
}
