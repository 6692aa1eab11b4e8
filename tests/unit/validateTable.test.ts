// Cell checks of validateTable, through the one loader, on the small valid fixture.
import { describe, expect, it } from 'vitest';
import { fixRegister } from '../../scripts/lib/fixRegister.ts';
import { fixtureFiles, setCell, toSources, validateFiles } from '../support/register.ts';

const P = 'providers.csv';
const base = fixtureFiles();

describe('the text policy in CSV free text', () => {
  const cases: [string, string, string][] = [
    ['a bell in a name', 'name', 'Harbour\u0007 Carers Trust'],
    ['an escape sequence in a town', 'town', 'Dorchester\u001B[2J'],
    ['a right-to-left override in a name', 'name', 'Harbour \u202Etsurt'],
    ['a zero-width space in another name', 'other_names', 'Harbour\u200BCarers'],
    ['a non-character in a description', 'description', 'Breaks\uFFFE for carers.'],
    ['a line break in a one-line name', 'name', 'Harbour\nCarers Trust'],
  ];
  for (const [what, field, value] of cases) {
    it(`rejects ${what}, and fix removes it`, () => {
      const files = setCell(base, P, 2, field, value);
      const found = validateFiles(files).filter((i) => i.code === 'text/invisible');
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ severity: 'error', file: P, line: 2, field });
      expect(found[0]!.fix).toContain('kitemark fix');

      const result = fixRegister(toSources(files));
      const after = new Map(files).set(P, result.files.get(P)!);
      expect(validateFiles(after).filter((i) => i.code === 'text/invisible')).toEqual([]);
    });
  }

  it('allows line breaks in a description', () => {
    const files = setCell(base, P, 2, 'description', 'Breaks for carers.\nAdvice too.');
    expect(validateFiles(files).filter((i) => i.code === 'text/invisible')).toEqual([]);
  });

  it('applies to codelist titles too', () => {
    const path = 'codelists/services.csv';
    const text = base.get(path)!.replace('Befriending,', 'Be\u0008friending,');
    expect(validateFiles(new Map(base).set(path, text)).map((i) => i.code)).toContain(
      'text/invisible',
    );
  });

  it('applies to register.json', () => {
    const meta = JSON.parse(base.get('register.json')!) as Record<string, unknown>;
    meta['title'] = 'Kitemark\u202E Register';
    const files = new Map(base).set('register.json', JSON.stringify(meta, null, 2));
    const found = validateFiles(files).filter((i) => i.code === 'text/invisible');
    expect(found).toMatchObject([{ file: 'register.json', field: '/title' }]);
    expect(found[0]!.line).toBeGreaterThan(1);
  });
});

describe('huge cells', () => {
  it('quote at most about 100 characters of the value, and suggest no code', () => {
    const huge = 'E'.repeat(3_000_000);
    let files = setCell(base, P, 2, 'local_authority', huge);
    files = setCell(files, P, 3, 'added_on', `1${'0'.repeat(200_000)}`);
    files = setCell(files, P, 4, 'description', '<a'.repeat(500_000));
    const issues = validateFiles(files);
    for (const i of issues) expect(i.message.length + (i.fix ?? '').length).toBeLessThan(400);
    const la = issues.find((i) => i.code === 'codelist/unknown' && i.field === 'local_authority')!;
    expect(la.message).toContain('(3,000,000 characters in all)');
    expect(la.fix).not.toContain('did you mean');
    expect(issues.map((i) => i.code)).toContain('date/format');
  });
});
