// Regression: validateRegister collected issues with push(...list), which overflows the call
// stack beyond about 100,000 issues (a 10,000-provider register judged in the far future).
import { describe, expect, it } from 'vitest';
import { loadRegister } from '../../scripts/lib/loadRegister.ts';
import { validateRegister } from '../../scripts/lib/validateRegister.ts';
import { warning, type IssueCode } from '../../scripts/lib/issue.ts';
import { FIXTURE_TODAY, fixtureFiles, realReference, toSources } from '../support/register.ts';

describe('validateRegister with very many issues', () => {
  it('returns them all', () => {
    // A code of its own, outside the catalogue, so that only these issues are counted.
    const code = 'test/many' as IssueCode;
    const many = Array.from({ length: 300_000 }, (_, i) =>
      warning(code, { file: 'providers.csv', line: 2 + i, column: 1, field: '' }, 'x'),
    );
    const issues = validateRegister(loadRegister(toSources(fixtureFiles())), {
      today: FIXTURE_TODAY,
      reference: realReference(),
      extraChecks: [() => many],
    });
    expect(issues.filter((i) => i.code === code)).toHaveLength(300_000);
  });
});
