/**
 * `/contracts/<template-id>/compare/<from>-to-<to>/`: pre-rendered for every ordered pair of
 * versions of a template (views/renderComparePages.ts).
 */
import { allPairs, contractSiteData } from '../../scripts/publish/contracts/contractSiteData.ts';
import { contractPaths } from '../../scripts/publish/kit/urls.ts';
import { onePagePer, type PageData } from './onePagePer.ts';
import { renderComparePage } from './views/renderComparePages.ts';

type Pair = ReturnType<typeof allPairs>[number];

export const data = onePagePer(allPairs, (pair: Pair) =>
  contractPaths.comparePair(pair.entry.id, pair.from.version, pair.to.version),
);

export function render({ register, loaded, site, item }: PageData<Pair>): string {
  const { titles } = contractSiteData(loaded, register);
  return renderComparePage(site, item.entry, item.from, item.to, titles);
}
