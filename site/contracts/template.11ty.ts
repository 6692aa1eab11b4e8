/** `/contracts/<template-id>/`: one page per template (views/renderContractTemplatePage.ts). */
import type { SiteData } from '../../scripts/site/eleventyPlugin.ts';
import { contractSiteData } from '../../scripts/contracts/contractSiteData.ts';
import {
  contractPaths,
  type ContractEntry,
} from '../../scripts/lib/contracts/catalogueContracts.ts';
import { renderContractTemplatePage } from './views/renderContractTemplatePage.ts';

type Data = SiteData & { entry: ContractEntry };

export const data = {
  pagination: {
    data: 'loaded',
    size: 1,
    alias: 'entry',
    before: (_: unknown, all: SiteData) => contractSiteData(all.loaded, all.register).entries,
  },
  permalink: ({ entry }: Data) => `/${contractPaths.template(entry.id)}`,
  eleventyExcludeFromCollections: true,
};

export function render({ register, loaded, site, entry }: Data): string {
  const contracts = contractSiteData(loaded, register);
  return renderContractTemplatePage(site, entry, contracts.commissionerTypes);
}
