import { describe, expect, it } from 'vitest';
import { pullRequestNumber } from '../../scripts/lib/history/pullRequestNumber.ts';

describe('pullRequestNumber', () => {
  it.each([
    ['Merge pull request #12 from alice/add-provider', 12],
    ['Add Wessex Carers (#345)', 345],
    ['Add Wessex Carers (#345) ', 345],
    ['Merge pull request #7 from bob/fix (#8)', 7],
    ['Fix postcode', undefined],
    ['See #12 for why', undefined],
    ['Merge branch main into feature', undefined],
    ['Broken (#0)', undefined],
    ['Huge (#99999999999999999999)', undefined],
  ])('%s → %s', (subject, expected) => {
    expect(pullRequestNumber(subject)).toBe(expected);
  });
});
