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

describe('loadRegister with very many issues in one table', () => {
  it('collects them without overflowing the call stack', () => {
    const files = fixtureFiles();
    const documents = files.get('documents.csv')!.split('\n');
    const header = documents[0]!;
    const row = documents[1]!.replace(/(\d{4})-(\d{2})-(\d{2})/g, '$3/$2/$1');
    const rows = Array.from({ length: 60_000 }, () => row);
    files.set('documents.csv', [header, ...rows, ''].join('\n'));
    const loaded = loadRegister(toSources(files));
    expect(loaded.issues.filter((i) => i.code === 'date/format').length).toBeGreaterThan(150_000);
  });
});
