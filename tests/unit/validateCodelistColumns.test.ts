import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegister } from '../../scripts/lib/loadRegister.ts';
import { validateCodelistColumns } from '../../scripts/lib/validateCodelistColumns.ts';
import { publishableCheck } from '../../scripts/lib/downloads/checkPublishable.ts';
import { FIXTURE_TODAY, ROOT, fixtureFiles, toSources } from '../support/register.ts';

const LA = 'codelists/local-authorities.csv';
const base = fixtureFiles();
const check = (files: Map<string, string>) =>
  validateCodelistColumns(loadRegister(toSources(files))).map(({ code, file, line, field }) => ({
    code,
    file,
    line,
    field,
  }));
/** Hartlepool's row, line 2, with one cell changed. */
const hartlepool = (from: string, to: string) =>
  new Map(base).set(
    LA,
    base.get(LA)!.replace(`E06000001,Hartlepool,${from}`, `E06000001,Hartlepool,${to}`),
  );
const row =
  'Hartlepool Borough Council (unitary authority),UA,E12000001,E40000009,yes,2005-06-18,,,';

describe('validateCodelistColumns', () => {
  it('finds nothing wrong with the real codelists', () => {
    expect(check(base)).toEqual([]);
  });

  it('rejects a region that is not a region, instead of dropping the Region row', () => {
    expect(check(hartlepool(row, row.replace('E12000001', 'North East')))).toEqual([
      { code: 'codelist/unknown', file: LA, line: 2, field: 'region' },
    ]);
  });

  it('checks types, yes/no, dates, successor codes and former codes', () => {
    const broken = row
      .replace(',UA,', ',Unitary,')
      .replace(',yes,', ',Y,')
      .replace('2005-06-18,,', '18/06/2005,2026-13-01,E06099999;E06000002')
      .replace(/,$/, ',not-a-code');
    expect(check(hartlepool(row, broken)).map((i) => `${i.field} ${i.code}`)).toEqual([
      'type cell/format',
      'social_care cell/format',
      'start_date date/format',
      'end_date date/format',
      'replaced_by codelist/unknown',
      'former_codes cell/format',
    ]);
  });

  it('rejects formula-like text in any extra column', () => {
    const path = 'codelists/document-types.csv';
    const text = base.get(path)!.replace(/,yes\n/, ',=HYPERLINK("https://evil.example")\n');
    expect(check(new Map(base).set(path, text))).toMatchObject([
      { code: 'cell/formula', file: path, field: 'mandatory' },
    ]);
  });
});

describe('publishableCheck', () => {
  it('finds in validate what the build would refuse to publish, on the file it came from', () => {
    const path = 'contract-templates/grant-agreement/1.0.0.json';
    const template = JSON.parse(readFileSync(join(ROOT, 'data', path), 'utf8')) as {
      summary: string;
    };
    template.summary = `=${template.summary}`;
    const files = new Map(base).set(path, JSON.stringify(template, null, 2));
    const issues = publishableCheck({ today: FIXTURE_TODAY })(loadRegister(toSources(files)));
    expect(issues.map(({ code, file, field }) => ({ code, file, field }))).toContainEqual({
      code: 'publish/formula',
      file: path,
      field: 'summary',
    });
  });
});
