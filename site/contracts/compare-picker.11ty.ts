/** `/contracts/<template-id>/compare/`: choose two versions to compare (views/renderComparePages.ts). */
import type { ContractEntry } from '../../scripts/lib/contracts/catalogueContracts.ts';
import { contractPaths } from '../../scripts/publish/kit/urls.ts';
import { onePagePer, type PageData } from './onePagePer.ts';
import { renderComparePicker } from './views/renderComparePages.ts';

export const data = onePagePer(
  (contracts) => contracts.entries,
  (entry: ContractEntry) => contractPaths.compare(entry.id),
);

export function render({ site, item }: PageData<ContractEntry>): string {
  return renderComparePicker(site, item);
}
