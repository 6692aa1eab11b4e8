/** `/contracts/<template-id>/<version>/fill/`: the fill-in form (views/renderFillPage.ts). */
import { allVersions, contractSiteData } from '../../scripts/publish/contracts/contractSiteData.ts';
import { contractPaths } from '../../scripts/publish/kit/urls.ts';
import { onePagePer, type PageData } from './onePagePer.ts';
import { renderFillPage } from './views/renderFillPage.ts';

type Item = ReturnType<typeof allVersions>[number];

export const data = onePagePer(allVersions, (item: Item) =>
  contractPaths.fill(item.entry.id, item.version.version),
);

export async function render({ register, loaded, site, item }: PageData<Item>): Promise<string> {
  const contracts = contractSiteData(loaded, register);
  const downloads = await contracts.downloads(item.version);
  return renderFillPage(site, item.entry, item.version, contracts.titles, downloads);
}
