import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { error } from '../../scripts/lib/issue.ts';
import { ISSUE_CODES, fileRules, rulesForField } from '../../scripts/lib/issueCodes.ts';
import { loadRegister } from '../../scripts/lib/loadRegister.ts';
import { TABLES } from '../../scripts/lib/schemas.ts';
import { validateRegister } from '../../scripts/lib/validateRegister.ts';

const LIB = join(import.meta.dirname, '../../scripts/lib');

/** Every code written as a literal where an issue is made: `error('x/y'`, `warning(\n 'x/y'`, `code: 'x/y'`. */
function codesInSource(): Map<string, string> {
  const found = new Map<string, string>();
  const files = readdirSync(LIB, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.ts'),
  );
  for (const file of files) {
    if (file.endsWith('issueCodes.ts')) continue;
    const text = readFileSync(join(LIB, file), 'utf8');
    // Only modules that make issues (they import error, warning or raising from issue.ts).
    // (The calculator's checks make theirs with `add(`; they are typed, not made with error().)
    const calculator = file.startsWith('costs/');
    if (
      !calculator &&
      !/import \{[^}]*\b(?:error|warning|raising)\b[^}]*\} from '(?:\.\/|(?:\.\.\/)+)issue\.ts'/.test(
        text,
      )
    )
      continue;
    if (calculator)
      for (const m of text.matchAll(/\badd\(\s*'([a-z0-9-]+\/[a-z0-9-]+)'/g))
        found.set(m[1]!, file);
    for (const m of text.matchAll(/\b(?:error|warning)\(\s*'([a-z0-9-]+\/[a-z0-9-]+)'/g))
      found.set(m[1]!, file);
    for (const m of text.matchAll(/\bcode: '([a-z0-9-]+\/[a-z0-9-]+)'/g)) found.set(m[1]!, file);
  }
  return found;
}

describe('the issue code catalogue', () => {
  it('describes every code the validator can emit: an unknown code does not compile', () => {
    const at = { file: 'providers.csv', line: 2, column: 1, field: 'postcode' };
    // The type check (npm test) fails if this line compiles, as it would if IssueCode were a string.
    // @ts-expect-error: "postcode/formt" is not in the catalogue
    const made = error('postcode/formt', at, 'x');
    expect(ISSUE_CODES.has(made.code)).toBe(false);
    expect(ISSUE_CODES.has(error('postcode/format', at, 'x').code)).toBe(true);
  });

  it('has no code the validator no longer emits', () => {
    const emitted = codesInSource();
    expect([...ISSUE_CODES.keys()].filter((c) => !emitted.has(c))).toEqual([]);
  });

  it('describes every code emitted on a broken register at run time', () => {
    const files = new Map<string, string>([
      ['register.json', '{"name": "x"'],
      ['providers.csv', 'provider_id,name,bogus\nP1,=cmd,x\nP000001,N/A,y,z\n'],
      ['accreditations.csv', 'accreditation_id\n"KM-1\n'],
      ['documents.csv', ''],
    ]);
    const encoder = new TextEncoder();
    const loaded = loadRegister({
      keys: () => files.keys(),
      get: (p) => (files.has(p) ? encoder.encode(files.get(p)!) : undefined),
    });
    const issues = validateRegister(loaded, { today: '2026-01-01' });
    expect(issues.length).toBeGreaterThan(5);
    expect(issues.map((i) => i.code).filter((c) => !ISSUE_CODES.has(c))).toEqual([]);
  });

  it('gives each code one severity that matches what the validator says', () => {
    for (const info of ISSUE_CODES.values()) {
      expect(['error', 'warning']).toContain(info.severity);
      expect(info.description.length).toBeGreaterThan(10);
    }
  });

  it('lists field rules for the data dictionary', () => {
    const postcode = TABLES.providers.fields.find((f) => f.name === 'postcode')!;
    const codes = rulesForField(postcode, TABLES.providers).map((r) => r.code);
    expect(codes).toContain('postcode/format');
    expect(codes).toContain('cell/required');
    expect(codes).not.toContain('cell/format');
    expect(codes).not.toContain('date/format');
    const key = TABLES.accreditations.fields.find((f) => f.name === 'accreditation_id')!;
    expect(rulesForField(key, TABLES.accreditations).map((r) => r.code)).toContain('key/duplicate');
    expect(fileRules().map((r) => r.code)).toContain('csv/encoding');
  });
});
