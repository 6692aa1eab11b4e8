/** `/contracts/<template-id>/compare/`: choose two versions to compare (views/renderComparePages.ts). */
import type { SiteData } from '../../scripts/site/eleventyPlugin.ts';
import { contractSiteData } from '../../scripts/contracts/contractSiteData.ts';
import {
  contractPaths,
  type ContractEntry,
} from '../../scripts/lib/contracts/catalogueContracts.ts';
import { renderComparePicker } from './views/renderComparePages.ts';

type Data = SiteData & { entry: ContractEntry };

export const data = {
  pagination: {
    data: 'loaded',
    size: 1,
    alias: 'entry',
    before: (_: unknown, all: SiteData) => contractSiteData(all.loaded, all.register).entries,
  },
  permalink: ({ entry }: Data) => `/${contractPaths.compare(entry.id)}`,
  eleventyExcludeFromCollections: true,
};

export function render({ site, entry }: Data): string {
  return renderComparePicker(site, entry);
}
