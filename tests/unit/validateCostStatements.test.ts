import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegister } from '../../scripts/lib/loadRegister.ts';
import { validateCostStatements } from '../../scripts/lib/costs/validateCostStatements.ts';
import { fixtureFiles, ROOT, toSources } from '../support/register.ts';

/** The illustrative statement published with the embedded register. */
const PUBLISHED = readFileSync(
  join(ROOT, 'data/cost-statements/P000001-carers-breaks.json'),
  'utf8',
);

function check(files: Record<string, string>, providerId = 'P000001') {
  const all = fixtureFiles();
  for (const [path, text] of Object.entries(files))
    all.set(path, text.replace('P000001', providerId));
  const loaded = loadRegister(toSources(all));
  return [
    ...loaded.issues.filter((i) => i.file.startsWith('cost-statements/')),
    ...validateCostStatements(loaded),
  ];
}

describe('validateCostStatements', () => {
  it('passes a statement the calculator wrote, for a provider on the register', () => {
    const provider = /^(P\d{6}),/m.exec(fixtureFiles().get('providers.csv')!)![1]!;
    expect(check({ 'cost-statements/a.json': PUBLISHED }, provider)).toEqual([]);
  });

  it('points at the line and field of a sum that does not follow from its figures', () => {
    const provider = /^(P\d{6}),/m.exec(fixtureFiles().get('providers.csv')!)![1]!;
    const text = PUBLISHED.replace('"full_cost_pence": 12707625', '"full_cost_pence": 12707626');
    const issues = check({ 'cost-statements/a.json': text }, provider);
    const line = text.split('\n').findIndex((l) => l.includes('12707626')) + 1;
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'cost-statement/arithmetic',
        file: 'cost-statements/a.json',
        line,
        column: 5,
        field: '/totals/full_cost_pence',
        message:
          'The statement gives £127,076.26, but the figures it is worked from come to £127,076.25.',
      }),
    ]);
  });

  it('reports schema mistakes, unknown providers and files that are not JSON statements', () => {
    const misspelt = PUBLISHED.replace('"service_name"', '"service_title"');
    const issues = check(
      { 'cost-statements/a.json': misspelt, 'cost-statements/b.csv': 'x\n' },
      'P999999',
    );
    expect(issues.map((i) => [i.code, i.file, i.field])).toEqual([
      ['cost-statement/file-name', 'cost-statements/b.csv', ''],
      ['cost-statement/schema', 'cost-statements/a.json', '/service_name'],
      ['cost-statement/schema', 'cost-statements/a.json', '/service_title'],
    ]);
    const unknown = check({ 'cost-statements/a.json': PUBLISHED }, 'P999999');
    expect(unknown.map((i) => [i.code, i.field])).toEqual([['reference/provider', '/provider_id']]);
  });

  it('reports a statement that is not JSON', () => {
    const issues = check({ 'cost-statements/a.json': '{\n  "lines": [,]\n}' });
    expect(issues).toEqual([
      expect.objectContaining({ code: 'json/syntax', file: 'cost-statements/a.json' }),
    ]);
  });
});
