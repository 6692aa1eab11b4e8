/** `/contracts/<template-id>/<version>/`: one page per version (views/renderContractVersionPage.ts). */
import { allVersions, contractSiteData } from '../../scripts/publish/contracts/contractSiteData.ts';
import { contractPaths } from '../../scripts/publish/kit/urls.ts';
import { onePagePer, type PageData } from './onePagePer.ts';
import { renderContractVersionPage } from './views/renderContractVersionPage.ts';

type Item = ReturnType<typeof allVersions>[number];

export const data = onePagePer(allVersions, (item: Item) =>
  contractPaths.version(item.entry.id, item.version.version),
);

export async function render({ register, loaded, site, item }: PageData<Item>): Promise<string> {
  const contracts = contractSiteData(loaded, register);
  const downloads = await contracts.downloads(item.version);
  return renderContractVersionPage(site, item.entry, item.version, contracts.titles, downloads);
}
