/** `/contracts/`: every contract template. The page itself is in views/renderContractsIndex.ts. */
import type { SiteData } from '../../scripts/publish/site/eleventyPlugin.ts';
import { contractSiteData } from '../../scripts/publish/contracts/contractSiteData.ts';
import { renderContractsIndex } from './views/renderContractsIndex.ts';

export const data = { permalink: '/contracts/', eleventyExcludeFromCollections: true };

export function render({ register, loaded, site }: SiteData): string {
  const contracts = contractSiteData(loaded, register);
  return renderContractsIndex(site, contracts.entries, contracts.titles);
}
