/**
 * The Eleventy front matter of a contract page made once per template, version or pair of
 * versions: the items come from the build's contract data, and each page sees its own as `item`.
 */
import type { SiteData } from '../../scripts/publish/site/eleventyPlugin.ts';
import {
  contractSiteData,
  type ContractSiteData,
} from '../../scripts/publish/contracts/contractSiteData.ts';

export type PageData<T> = SiteData & { item: T };

export function onePagePer<T>(
  items: (contracts: ContractSiteData) => readonly T[],
  path: (item: T) => string,
) {
  return {
    pagination: {
      // Paginates over what `before` returns; `loaded` is only a data key Eleventy accepts.
      data: 'loaded',
      size: 1,
      alias: 'item',
      before: (_: unknown, all: SiteData) => items(contractSiteData(all.loaded, all.register)),
    },
    permalink: ({ item }: PageData<T>) => `/${path(item)}`,
    eleventyExcludeFromCollections: true,
  };
}
