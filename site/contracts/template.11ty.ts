/** `/contracts/<template-id>/`: one page per template (views/renderContractTemplatePage.ts). */
import type { ContractEntry } from '../../scripts/lib/contracts/catalogueContracts.ts';
import { contractPaths } from '../../scripts/publish/kit/urls.ts';
import { contractSiteData } from '../../scripts/publish/contracts/contractSiteData.ts';
import { onePagePer, type PageData } from './onePagePer.ts';
import { renderContractTemplatePage } from './views/renderContractTemplatePage.ts';

export const data = onePagePer(
  (contracts) => contracts.entries,
  (entry: ContractEntry) => contractPaths.template(entry.id),
);

export function render({ register, loaded, site, item }: PageData<ContractEntry>): string {
  return renderContractTemplatePage(
    site,
    item,
    contractSiteData(loaded, register).commissionerTypes,
  );
}
