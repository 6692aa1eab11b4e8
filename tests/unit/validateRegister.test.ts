import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ROOT,
  addRow,
  dropColumn,
  fixtureFiles,
  located,
  setCell,
  validateFiles,
} from '../support/register.ts';

const base = fixtureFiles();

describe('the valid fixture', () => {
  it('has no issues at all', () => {
    expect(validateFiles(base)).toEqual([]);
  });
});

/**
 * One case per issue code: an edit to the valid fixture, and exactly where the issue must point.
 * Columns are 1-based cell numbers: providers.csv postcode is cell 12, for example.
 */
interface Case {
  code: string;
  edit: (files: Map<string, string>) => Map<string, string>;
  at: { file: string; line: number; column: number; field: string };
  severity?: 'error' | 'warning';
  fix?: string | RegExp;
  message?: RegExp;
  today?: string;
}

const cell =
  (file: string, line: number, column: string, value: string) => (f: Map<string, string>) =>
    setCell(f, file, line, column, value);
const P = 'providers.csv';
const A = 'accreditations.csv';
/** One cell of accreditations.csv's optional status columns (the fixture has them). */
const statusCell = (line: number, column: string, value: string) => (f: Map<string, string>) =>
  setCell(f, A, line, column, value);
const D = 'documents.csv';
const C = 'commissioners.csv';

const cases: Case[] = [
  {
    code: 'postcode/format',
    edit: cell(P, 2, 'postcode', 'dt11ab'),
    at: { file: P, line: 2, column: 12, field: 'postcode' },
    fix: 'write it as "DT1 1AB"',
  },
  {
    code: 'company-number/format',
    edit: cell(P, 2, 'company_number', '4123456'),
    at: { file: P, line: 2, column: 6, field: 'company_number' },
    fix: 'write it as "04123456"',
  },
  {
    code: 'charity-number/format',
    edit: cell(P, 2, 'charity_number', '1123456-1'),
    at: { file: P, line: 2, column: 4, field: 'charity_number' },
    fix: /linked charity.*"1123456"/,
  },
  {
    code: 'oscr-number/format',
    edit: cell(P, 2, 'oscr_number', 'SC1234'),
    at: { file: P, line: 2, column: 5, field: 'oscr_number' },
  },
  {
    code: 'cqc-id/format',
    edit: cell(P, 2, 'cqc_provider_id', '1234567'),
    at: { file: P, line: 2, column: 7, field: 'cqc_provider_id' },
  },
  {
    code: 'phone/format',
    edit: cell(P, 2, 'phone', 'ring us'),
    at: { file: P, line: 2, column: 19, field: 'phone' },
  },
  {
    code: 'cell/format',
    edit: cell(P, 2, 'ods_code', 'a'),
    at: { file: P, line: 2, column: 8, field: 'ods_code' },
  },
  {
    code: 'key/format',
    edit: cell(A, 3, 'accreditation_id', '12'),
    at: { file: A, line: 3, column: 1, field: 'accreditation_id' },
    fix: 'write it as "KM-000012"',
  },
  {
    code: 'document/sha256',
    edit: cell(D, 2, 'sha256', 'abc'),
    at: { file: D, line: 2, column: 8, field: 'sha256' },
  },
  {
    code: 'cell/required',
    edit: cell(P, 3, 'name', ''),
    at: { file: P, line: 3, column: 2, field: 'name' },
  },
  {
    code: 'cell/whitespace',
    edit: cell(P, 2, 'town', ' Dorchester '),
    at: { file: P, line: 2, column: 11, field: 'town' },
    severity: 'warning',
  },
  {
    code: 'cell/formula',
    edit: cell(P, 2, 'description', '=HYPERLINK("https://evil.example")'),
    at: { file: P, line: 2, column: 20, field: 'description' },
  },
  {
    code: 'cell/placeholder',
    edit: cell(P, 2, 'address_line_2', 'N/A'),
    at: { file: P, line: 2, column: 10, field: 'address_line_2' },
    fix: 'Leave the cell empty.',
  },
  {
    code: 'text/markup',
    edit: cell(P, 2, 'description', '<img src=x onerror=alert(1)>'),
    at: { file: P, line: 2, column: 20, field: 'description' },
    severity: 'warning',
  },
  {
    code: 'list/empty-item',
    edit: cell(P, 2, 'services', 'carers-support;;respite-care'),
    at: { file: P, line: 2, column: 15, field: 'services' },
    severity: 'warning',
  },
  {
    code: 'list/duplicate',
    edit: cell(P, 2, 'services', 'carers-support;respite-care;carers-support'),
    at: { file: P, line: 2, column: 15, field: 'services' },
  },
  {
    code: 'codelist/unknown',
    edit: cell(A, 2, 'status', 'acredited'),
    at: { file: A, line: 2, column: 3, field: 'status' },
    fix: 'did you mean "accredited"?',
  },
  {
    code: 'local-authority/abolished',
    edit: cell(P, 3, 'local_authority', 'E07000165'),
    at: { file: P, line: 3, column: 13, field: 'local_authority' },
    message: /E07000165 \(Harrogate\) was replaced by E06000065 \(North Yorkshire\) in 2023/,
    fix: 'write it as "E06000065"',
  },
  {
    code: 'local-authority/not-social-care',
    edit: cell(P, 2, 'areas_served', 'E06000059;E07000127'),
    at: { file: P, line: 2, column: 14, field: 'areas_served' },
  },
  {
    code: 'cell/too-long',
    edit: cell(P, 2, 'description', 'x'.repeat(1001)),
    at: { file: P, line: 2, column: 20, field: 'description' },
  },
  {
    code: 'date/format',
    edit: cell(P, 2, 'added_on', '16/11/2015 - 00:00'),
    at: { file: P, line: 2, column: 21, field: 'added_on' },
    fix: 'write it as "2015-11-16"',
  },
  {
    code: 'link/scheme',
    edit: cell(P, 2, 'website', 'javascript:alert(1)'),
    at: { file: P, line: 2, column: 17, field: 'website' },
    message: /"javascript:" link/,
  },
  {
    code: 'email/format',
    edit: cell(P, 2, 'email', 'hello at harbour'),
    at: { file: P, line: 2, column: 18, field: 'email' },
  },
  {
    code: 'key/duplicate',
    edit: cell(A, 4, 'accreditation_id', 'KM-000001'),
    at: { file: A, line: 4, column: 1, field: 'accreditation_id' },
    message: /already used on line 2/,
  },
  {
    code: 'provider/identifier',
    edit: (f) => setCell(setCell(f, P, 2, 'charity_number', ''), P, 2, 'company_number', ''),
    at: { file: P, line: 2, column: 6, field: 'company_number' },
  },
  {
    code: 'provider/identifier-expected',
    edit: cell(P, 2, 'company_number', ''),
    at: { file: P, line: 2, column: 6, field: 'company_number' },
    severity: 'warning',
  },
  {
    code: 'date/future',
    edit: cell(P, 2, 'added_on', '2030-01-01'),
    at: { file: P, line: 2, column: 21, field: 'added_on' },
  },
  {
    code: 'duplicate/identifier',
    edit: cell(P, 3, 'charity_number', '1123456'),
    at: { file: P, line: 3, column: 4, field: 'charity_number' },
    severity: 'warning',
    message: /P000001 \(Harbour Carers Trust\) on line 2/,
  },
  {
    code: 'duplicate/name',
    edit: (f) =>
      addRow(f, P, {
        provider_id: 'P000004',
        name: 'The Harbour Carer Trust Ltd',
        legal_form: 'unincorporated-association',
        address_line_1: '3 High Street',
        town: 'Dorchester',
        postcode: 'DT1 1AB',
        local_authority: 'E06000059',
        services: 'befriending',
        user_groups: 'carers',
        added_on: '2025-05-01',
      }),
    at: { file: P, line: 5, column: 2, field: 'name' },
    severity: 'warning',
  },
  {
    code: 'postcode/unknown',
    edit: cell(P, 2, 'postcode', 'DT9 9ZZ'),
    at: { file: P, line: 2, column: 12, field: 'postcode' },
    severity: 'warning',
  },
  {
    code: 'postcode/terminated',
    edit: cell(P, 2, 'postcode', 'DT1 1AJ'),
    at: { file: P, line: 2, column: 12, field: 'postcode' },
    severity: 'warning',
    message: /1994-12/,
  },
  {
    code: 'postcode/authority',
    edit: cell(P, 2, 'local_authority', 'E06000058'),
    at: { file: P, line: 2, column: 13, field: 'local_authority' },
    severity: 'warning',
    fix: 'write it as "E06000059"',
  },
  {
    code: 'reference/provider',
    edit: cell(A, 3, 'provider_id', 'P000099'),
    at: { file: A, line: 3, column: 2, field: 'provider_id' },
  },
  {
    code: 'accreditation/scope',
    edit: cell(A, 2, 'scope', 'carers-support;advocacy'),
    at: { file: A, line: 2, column: 4, field: 'scope' },
    message: /"advocacy"/,
  },
  {
    code: 'accreditation/state',
    edit: cell(A, 3, 'awarded_on', '2026-01-01'),
    at: { file: A, line: 3, column: 5, field: 'awarded_on' },
  },
  {
    code: 'date/order',
    edit: cell(A, 2, 'expires_on', '2025-01-01'),
    at: { file: A, line: 2, column: 6, field: 'expires_on' },
  },
  {
    code: 'accreditation/status-reason',
    edit: statusCell(2, 'status_reason', 'safeguarding-concern'),
    at: { file: A, line: 2, column: 11, field: 'status_reason' },
    message: /accredited, not suspended/,
  },
  {
    code: 'accreditation/status-since',
    edit: statusCell(2, 'status_since', '2026-03-03'),
    at: { file: A, line: 2, column: 10, field: 'status_since' },
  },
  {
    code: 'accreditation/term',
    edit: cell(A, 2, 'expires_on', '2028-02-05'),
    at: { file: A, line: 2, column: 6, field: 'expires_on' },
    fix: /"2028-01-31"/,
  },
  {
    code: 'accreditation/multiple-current',
    edit: (f) =>
      addRow(f, A, {
        accreditation_id: 'KM-000004',
        provider_id: 'P000001',
        status: 'accredited',
        scope: 'carers-support',
        awarded_on: '2026-01-01',
        expires_on: '2028-12-31',
        assessor: 'Quality Assessment Partnership',
      }),
    at: { file: A, line: 5, column: 3, field: 'status' },
  },
  {
    code: 'accreditation/documents',
    edit: (f) => setCell(setCell(f, D, 9, 'verified_on', ''), D, 9, 'sha256', ''),
    at: { file: A, line: 2, column: 3, field: 'status' },
    message: /not verified: HR policy/,
  },
  {
    code: 'accreditation/expired',
    edit: (f) => f,
    today: '2027-06-15',
    at: { file: A, line: 4, column: 6, field: 'expires_on' },
    severity: 'warning',
  },
  {
    code: 'accreditation/expiring',
    edit: (f) => f,
    today: '2027-04-15',
    at: { file: A, line: 4, column: 6, field: 'expires_on' },
    severity: 'warning',
  },
  {
    code: 'document/review-overdue',
    edit: cell(D, 2, 'review_by', '2026-03-01'),
    at: { file: D, line: 2, column: 6, field: 'review_by' },
    severity: 'warning',
  },
  {
    code: 'commissioner/id',
    edit: cell(C, 2, 'commissioner_id', 'ABC'),
    at: { file: C, line: 2, column: 1, field: 'commissioner_id' },
  },
  {
    code: 'reference/contract-template',
    edit: (f) =>
      setCell(f, C, 2, 'contract_templates', 'no-such-template').set(
        'contract-templates/short-form-contract/1.0.0.json',
        readFileSync(join(ROOT, 'data/contract-templates/short-form-contract/1.0.0.json'), 'utf8'),
      ),
    at: { file: C, line: 2, column: 5, field: 'contract_templates' },
  },
];

describe('each issue code points at the exact cell', () => {
  for (const c of cases) {
    it(c.code, () => {
      const issues = validateFiles(c.edit(new Map(base)), c.today);
      expect(located(issues, c.code)).toContainEqual({ severity: c.severity ?? 'error', ...c.at });
      const issue = issues.find((i) => i.code === c.code && i.line === c.at.line)!;
      if (c.fix instanceof RegExp) expect(issue.fix).toMatch(c.fix);
      else if (c.fix) expect(issue.fix).toBe(c.fix);
      if (c.message) expect(issue.message).toMatch(c.message);
      expect(issue.message.length).toBeGreaterThan(10);
    });
  }
});

describe('other names', () => {
  it('rejects a name in the list that a spreadsheet would run as a formula', () => {
    const files = setCell(new Map(base), P, 2, 'other_names', 'Harbour Carers;=HYPERLINK("x")');
    const issues = validateFiles(files);
    expect(located(issues, 'cell/formula')).toEqual([
      { severity: 'error', file: P, line: 2, column: 22, field: 'other_names' },
    ]);
    expect(issues.find((i) => i.code === 'cell/formula')!.message).toContain('=HYPERLINK');
  });

  it('finds a likely duplicate when a new name is another provider’s other name', () => {
    const files = addRow(new Map(base), P, {
      provider_id: 'P000004',
      name: 'Dorset Carer Harbour',
      legal_form: 'unincorporated-association',
      address_line_1: '3 High Street',
      town: 'Dorchester',
      postcode: 'DT1 1AB',
      local_authority: 'E06000059',
      services: 'befriending',
      user_groups: 'carers',
      added_on: '2025-05-01',
    });
    const issues = validateFiles(files).filter((i) => i.code === 'duplicate/name');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 5, column: 2, field: 'name' });
    expect(issues[0]!.message).toBe(
      '"Dorset Carer Harbour" is very like "Dorset Carers Harbour" (another name of Harbour Carers Trust, P000001, line 2) in the same local authority.',
    );
  });

  it('does not call a provider a duplicate of itself for its own other names', () => {
    const files = setCell(new Map(base), P, 2, 'other_names', 'Harbour Carers Trust Ltd');
    expect(located(validateFiles(files), 'duplicate/name')).toEqual([]);
  });
});

describe('file-level problems', () => {
  const raw = (file: string, text: string | Uint8Array) =>
    new Map<string, string | Uint8Array>(base).set(file, text);

  it('reports a row with too many cells where the extra cell starts', () => {
    const lines = base.get(P)!.split('\n');
    lines[2] += ',extra';
    expect(located(validateFiles(raw(P, lines.join('\n'))), 'csv/cell-count')).toEqual([
      { severity: 'error', file: P, line: 3, column: 23, field: '' },
    ]);
  });

  it('reports an unclosed quote at the row where it opens', () => {
    const text = base
      .get(P)!
      .replace('"Weekly visits, by volunteers."', '"Weekly visits, by volunteers.');
    expect(located(validateFiles(raw(P, text)), 'csv/unclosed-quote')).toEqual([
      { severity: 'error', file: P, line: 4, column: 1, field: '' },
    ]);
  });

  it('reports text after a closing quote, and still checks the rows after it', () => {
    const lines = base.get(P)!.split('\n');
    lines[1] = lines[1]!.replace('Harbour Carers Trust', '"Harbour" Carers Trust"');
    lines[3] = lines[3]!.replace('DT1 1AB', 'dt11ab').replace('M33 7HF', 'm337hf');
    const issues = validateFiles(raw(P, lines.join('\n')));
    expect(located(issues, 'csv/stray-quote')).toEqual([
      { severity: 'error', file: P, line: 2, column: 2, field: '' },
    ]);
    expect(located(issues, 'postcode/format')).toEqual([
      { severity: 'error', file: P, line: 4, column: 12, field: 'postcode' },
    ]);
  });

  it('reports Windows-1252 text as not UTF-8, at the line and cell of the first bad byte', () => {
    const text = base.get(P)!.replace('Sale Friends Group', 'Sale Caf\u00e9 Group');
    const bytes = Buffer.from(text, 'latin1');
    expect(located(validateFiles(raw(P, bytes)), 'csv/encoding')).toEqual([
      { severity: 'error', file: P, line: 4, column: 2, field: '' },
    ]);
  });

  it('reports binary garbage and an empty file without throwing', () => {
    expect(
      located(
        validateFiles(raw(P, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))),
        'csv/binary',
      ),
    ).toHaveLength(1);
    expect(located(validateFiles(raw(P, '')), 'csv/empty')).toEqual([
      { severity: 'error', file: P, line: 1, column: 1, field: '' },
    ]);
  });

  it('accepts a byte order mark and CRLF line ends, with a warning for the mark only', () => {
    const issues = validateFiles(raw(P, `\uFEFF${base.get(P)!.replace(/\n/g, '\r\n')}`));
    expect(issues.map((i) => i.code)).toEqual(['csv/bom']);
    expect(issues[0]!.severity).toBe('warning');
  });

  it('keeps line numbers right past a line break inside a quoted cell', () => {
    const files = setCell(base, P, 2, 'description', 'Two\nlines');
    const issues = validateFiles(setCell(files, P, 3, 'postcode', 'bad'));
    expect(located(issues, 'postcode/format')).toEqual([
      { severity: 'error', file: P, line: 4, column: 12, field: 'postcode' },
    ]);
  });

  it('reports unknown, missing and repeated columns in the header', () => {
    const text = base.get(C)!.replace('nhs_region', 'region').replace('website', 'name');
    const issues = validateFiles(raw(C, text));
    expect(located(issues, 'header/unknown-column')).toEqual([
      { severity: 'error', file: C, line: 1, column: 7, field: 'region' },
    ]);
    expect(located(issues, 'header/duplicate-column')).toEqual([
      { severity: 'error', file: C, line: 1, column: 6, field: 'name' },
    ]);
    expect(
      located(issues, 'header/missing-column')
        .map((i) => i.field)
        .sort(),
    ).toEqual(['nhs_region', 'website']);
  });

  it('accepts a register written before other names existed, without that column', () => {
    const files = dropColumn(base, P, 'other_names');
    expect(files.get(P)).not.toContain('other_names');
    expect(validateFiles(files)).toEqual([]);
  });

  it('reports a missing table', () => {
    const files = new Map(base);
    files.delete(D);
    expect(located(validateFiles(files), 'file/missing')).toEqual([
      { severity: 'error', file: D, line: 1, column: 1, field: '' },
    ]);
  });

  it('reports broken JSON and schema errors in register.json on their lines', () => {
    const json = base.get('register.json')!;
    expect(
      located(
        validateFiles(raw('register.json', json.replace('"version"', '"version" "'))),
        'json/syntax',
      )[0],
    ).toMatchObject({ file: 'register.json', line: 12 });
    const issues = validateFiles(raw('register.json', json.replace('"OGL-UK-3.0"', '"MIT"')));
    expect(located(issues, 'register/schema')).toEqual([
      { severity: 'error', file: 'register.json', line: 8, column: 5, field: '/licence/name' },
    ]);
  });

  it('matches a codelist code written in another case with a fix', () => {
    const issues = validateFiles(setCell(base, A, 2, 'status', 'Accredited'));
    expect(issues.find((i) => i.code === 'codelist/unknown')?.fix).toBe('write it as "accredited"');
  });

  it('finds a duplicate key even when the rows are out of order', () => {
    const files = setCell(
      setCell(base, A, 2, 'accreditation_id', 'KM-000009'),
      A,
      4,
      'accreditation_id',
      'KM-000009',
    );
    expect(located(validateFiles(files), 'key/duplicate')).toEqual([
      { severity: 'error', file: A, line: 4, column: 1, field: 'accreditation_id' },
    ]);
  });
});

describe('status since and status reason', () => {
  const suspended =
    (since: string, reason = 'safeguarding-concern') =>
    (f: Map<string, string>) =>
      setCell(
        setCell(statusCell(4, 'status', 'suspended')(f), A, 4, 'status_since', since),
        A,
        4,
        'status_reason',
        reason,
      );
  it('accepts a suspension with its date and reason, and a register without the columns', () => {
    expect(validateFiles(suspended('2026-03-03')(new Map(base)))).toEqual([]);
    expect(validateFiles(base)).toEqual([]);
  });
  it('refuses a status date before the award or after today, and an unknown reason', () => {
    expect(located(validateFiles(suspended('2024-01-01')(new Map(base))), 'date/order')).toEqual([
      { severity: 'error', file: A, line: 4, column: 10, field: 'status_since' },
    ]);
    expect(
      located(validateFiles(suspended('2026-05-01')(new Map(base)), '2026-04-01'), 'date/future'),
    ).toEqual([{ severity: 'error', file: A, line: 4, column: 10, field: 'status_since' }]);
    const unknown = validateFiles(suspended('2026-03-03', 'bad-press')(new Map(base)));
    expect(unknown.map((i) => [i.code, i.field])).toContainEqual([
      'codelist/unknown',
      'status_reason',
    ]);
  });
});
