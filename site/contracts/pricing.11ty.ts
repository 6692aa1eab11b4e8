/** `/contracts/pricing/`: the full cost recovery calculator (views/renderPricingPage.ts). */
import type { SiteData } from '../../scripts/publish/site/eleventyPlugin.ts';
import { contractSiteData } from '../../scripts/publish/contracts/contractSiteData.ts';
import { renderPricingPage } from './views/renderPricingPage.ts';

export const data = { permalink: '/contracts/pricing/', eleventyExcludeFromCollections: true };

export function render({ register, loaded, site }: SiteData): string {
  const contracts = contractSiteData(loaded, register);
  const descriptions = Object.fromEntries(
    [...(loaded.codelists.get('cost-categories')?.entries.values() ?? [])].map((e) => [
      e.code,
      e.description ?? '',
    ]),
  );
  return renderPricingPage(site, contracts.titles.costCategories, descriptions);
}
