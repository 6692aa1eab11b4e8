import { describe, expect, it } from 'vitest';
import { ISSUE_CODES } from '../../scripts/lib/issueCodes.ts';
import type { Issue } from '../../scripts/lib/issue.ts';
import { validateRegister } from '../../scripts/lib/validateRegister.ts';
import { loadRegister } from '../../scripts/lib/loadRegister.ts';
import {
  contractTemplateCheck,
  validateContractTemplates,
} from '../../scripts/lib/validateContractTemplates.ts';
import { fixtureFiles, toSources } from '../support/register.ts';
import { loadTemplates, realTemplateFiles, templateFiles } from '../support/contracts.ts';

function validate(files: ReadonlyMap<string, string>, today?: string): Issue[] {
  return validateContractTemplates(loadTemplates(files), today ? { today } : {});
}

/** 1-based line and column of the `nth` occurrence of `needle` (after `after`, if given). */
function positionOf(text: string, needle: string, after = ''): { line: number; column: number } {
  const from = after ? text.indexOf(after) : 0;
  expect(from, `"${after}" is in the fixture`).toBeGreaterThanOrEqual(0);
  const offset = text.indexOf(needle, from);
  expect(offset, `"${needle}" is in the fixture`).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

describe('the valid fixtures', () => {
  it('have no issues at all', () => {
    expect(validate(templateFiles())).toEqual([]);
  });

  it('the real templates in data/ have no issues at all', () => {
    expect(validate(realTemplateFiles(), '2026-06-01')).toEqual([]);
  });
});

/**
 * One named fault per case (tests/fixtures/contracts/faults/<fault>/), the issue it must raise,
 * and where: the JSON pointer, and the line and column of `needle` in the faulty file (the
 * first occurrence after `after`).
 */
interface Case {
  fault: string;
  code: string;
  field: string;
  needle: string;
  after?: string;
  file?: string;
  severity?: 'error' | 'warning';
  message?: RegExp;
  fix?: RegExp;
  today?: string;
}

const cases: Case[] = [
  {
    fault: 'duplicate-key',
    code: 'template/duplicate-key',
    field: '/title',
    needle: '"title": "Other title"',
  },
  {
    fault: 'schema-missing-heading',
    code: 'template/schema',
    field: '/sections/0/clauses/0/heading',
    needle: '{',
    after: '"clauses": [',
    message: /clause 1\.1 has no "heading"/i,
  },
  {
    fault: 'schema-misspelt-field',
    code: 'template/schema',
    field: '/sections/1/clauses/0/topic',
    needle: '"topic"',
    fix: /did you mean "topics"/i,
  },
  {
    fault: 'schema-bad-date',
    code: 'template/schema',
    field: '/published_on',
    needle: '"published_on"',
    message: /"2026-02-30" is not a real date/,
  },
  {
    fault: 'schema-bad-clause-number',
    code: 'template/schema',
    field: '/schedules/0/clauses/1/number',
    needle: '"number": "1.2"',
    after: '"schedules"',
    message: /clause number "1\.2" is not in the right form/,
    fix: /S3\.1/,
  },
  {
    fault: 'published-on-missing',
    code: 'template/published-on',
    field: '',
    needle: '{',
    message: /published, so it must say when/,
  },
  {
    fault: 'placeholder-undeclared',
    code: 'template/placeholder-undeclared',
    field: '/sections/0/clauses/1/text',
    needle: '{{term_yeras}}',
    fix: /did you mean \{\{term_years\}\}/i,
  },
  {
    fault: 'placeholder-undeclared',
    code: 'template/parameter-unused',
    field: '/parameters/1/name',
    needle: '"name": "term_years"',
  },
  {
    fault: 'placeholder-malformed',
    code: 'template/placeholder-malformed',
    field: '/sections/0/clauses/0/text',
    needle: '{{ Provider_Name }}',
    fix: /\{\{provider_name\}\}/,
  },
  {
    fault: 'placeholder-misplaced',
    code: 'template/placeholder-misplaced',
    field: '/sections/0/clauses/1/heading',
    needle: '{{term_years}}',
    message: /heading of clause 1\.2/,
  },
  {
    fault: 'parameter-unused',
    code: 'template/parameter-unused',
    field: '/parameters/3/name',
    needle: '"name": "start_date"',
    message: /no clause uses \{\{start_date\}\}/,
  },
  {
    fault: 'parameter-duplicate',
    code: 'template/parameter-duplicate',
    field: '/parameters/3/name',
    needle: '"name": "term_years"',
    after: '"Price for each contract year"',
  },
  {
    fault: 'parameter-constraints',
    code: 'template/parameter-constraints',
    field: '/parameters/1/constraints/maximum',
    needle: '"maximum"',
    message: /maximum \(3\) below its minimum \(10\)/,
  },
  {
    fault: 'parameter-fallback',
    code: 'template/parameter-fallback',
    field: '/parameters/0/fallback',
    needle: '"fallback"',
    severity: 'warning',
  },
  {
    fault: 'cross-reference-missing',
    code: 'template/cross-reference',
    field: '/sections/0/clauses/1/text',
    needle: 'clause 4.6',
    message: /no clause 4\.6/,
  },
  {
    fault: 'cross-reference-guidance',
    code: 'template/cross-reference',
    field: '/sections/0/clauses/1/guidance',
    needle: 'Schedule 3',
    fix: /exists: Schedule 1\./,
  },
  {
    fault: 'cross-reference-backwards',
    code: 'template/cross-reference',
    field: '/sections/1/clauses/0/text',
    needle: 'clause S1.1',
    message: /runs backwards/,
  },
  {
    fault: 'cross-reference-section-as-clause',
    code: 'template/cross-reference',
    field: '/schedules/0/clauses/1/text',
    needle: 'clause 1 says',
    fix: /did you mean section 1\?/i,
  },
  {
    fault: 'numbering-gap',
    code: 'template/numbering',
    field: '/sections/0/clauses/1/number',
    needle: '"number": "1.3"',
    message: /should be 1\.2/,
  },
  {
    fault: 'numbering-duplicate',
    code: 'template/duplicate-number',
    field: '/sections/0/clauses/1/number',
    needle: '"number": "1.1"',
    after: '"heading": "Parties"',
  },
  {
    fault: 'numbering-wrong-section',
    code: 'template/numbering',
    field: '/schedules/0/clauses/0/number',
    needle: '"number": "S2.1"',
    message: /must start S1/,
  },
  {
    fault: 'numbering-section',
    code: 'template/numbering',
    field: '/sections/1/number',
    needle: '"number": "3"',
    message: /should be 2/,
  },
  {
    fault: 'id-folder',
    code: 'template/id',
    field: '/id',
    needle: '"id"',
    fix: /"id": "mini-contract"/,
  },
  {
    fault: 'version-file',
    code: 'template/version',
    field: '/version',
    needle: '"version"',
    message: /named 1\.1\.0\.json/,
  },
  {
    fault: 'file-name',
    code: 'template/file-name',
    file: 'latest.json',
    field: '',
    needle: '{',
  },
  {
    fault: 'supersedes-unknown',
    code: 'template/supersedes',
    field: '/supersedes',
    needle: '"supersedes"',
    message: /no contract-templates\/mini-contract\/0\.9\.0\.json/,
    fix: /1\.0\.0/,
  },
  {
    fault: 'supersedes-later',
    code: 'template/supersedes',
    file: '1.0.0.json',
    field: '/supersedes',
    needle: '"supersedes"',
    message: /later version/,
  },
  {
    fault: 'supersedes-missing',
    code: 'template/supersedes-missing',
    field: '/supersedes',
    needle: '"supersedes"',
    severity: 'warning',
  },
  {
    fault: 'supersedes-missing',
    code: 'template/superseded-by',
    file: '1.0.0.json',
    field: '/status',
    needle: '"status"',
    severity: 'warning',
  },
  {
    fault: 'multiple-published',
    code: 'template/multiple-published',
    file: '1.0.0.json',
    field: '/status',
    needle: '"status"',
    message: /only one version may be published/,
    fix: /"superseded"/,
  },
  {
    fault: 'published-before-superseded',
    code: 'template/published-on',
    field: '/published_on',
    needle: '"published_on"',
    message: /before version 1\.0\.0/,
  },
  {
    fault: 'codelist-topic',
    code: 'template/codelist',
    field: '/schedules/0/clauses/1/topics/0',
    needle: '"risk-alocation"',
    fix: /did you mean "risk-allocation"/i,
  },
  {
    fault: 'codelist-status',
    code: 'template/codelist',
    field: '/status',
    needle: '"status"',
    fix: /"published"/,
  },
  {
    fault: 'codelist-cost-category',
    code: 'template/codelist',
    field: '/schedules/0/cost_lines/0/category',
    needle: '"category"',
    fix: /"direct-staff"/,
  },
  {
    fault: 'characters',
    code: 'template/characters',
    field: '/sections/0/clauses/0/text',
    needle: '\u202e',
    message: /U\+202E/,
  },
  {
    fault: 'markup',
    code: 'template/markup',
    field: '/schedules/0/clauses/0/text',
    needle: '<b>',
    severity: 'warning',
  },
  {
    fault: 'money-symbol',
    code: 'template/money-symbol',
    field: '/sections/1/clauses/0/text',
    needle: '£{{contract_value}}',
    severity: 'warning',
  },
  {
    fault: 'change-notes-missing',
    code: 'template/change-notes',
    field: '/change_notes',
    needle: '"change_notes"',
    message: /no change note for this version \(1\.1\.0\)/,
  },
  {
    fault: 'change-notes-order',
    code: 'template/change-notes-order',
    field: '/change_notes/1/version',
    needle: '"version": "1.1.0"',
    after: '"change_notes"',
    severity: 'warning',
  },
  {
    fault: 'cost-lines-duplicate',
    code: 'template/cost-lines',
    field: '/schedules/0/cost_lines/8/category',
    needle: '"category": "premises"',
    after: '"contingency-and-reserves"',
  },
  {
    fault: 'cost-lines-incomplete',
    code: 'template/cost-lines-incomplete',
    field: '/schedules/0/cost_lines',
    needle: '"cost_lines"',
    severity: 'warning',
    message: /management and governance costs, premises costs/,
  },
  {
    fault: 'pricing-schedule-missing',
    code: 'template/pricing-schedule',
    field: '/schedules',
    needle: '"schedules"',
    severity: 'warning',
  },
  {
    fault: 'hostile-markup',
    code: 'template/markup',
    field: '/sections/0/clauses/0/heading',
    needle: '<script>',
    severity: 'warning',
  },
];

describe('each fault is caught at the right place', () => {
  for (const c of cases) {
    it(`${c.fault}: ${c.code} at ${c.field || 'the top'}`, () => {
      const files = templateFiles(c.fault);
      const file = `contract-templates/mini-contract/${c.file ?? '1.1.0.json'}`;
      const issues = validate(files, c.today).filter((i) => i.code === c.code);
      const found = issues.find((i) => i.file === file && i.field === c.field);
      expect(found, `${c.code} on ${file} ${c.field}; got ${JSON.stringify(issues)}`).toBeDefined();
      expect(found!.severity).toBe(c.severity ?? 'error');
      expect(ISSUE_CODES.get(c.code)?.severity).toBe(found!.severity);
      const at = positionOf(files.get(file)!, c.needle, c.after);
      expect({ line: found!.line, column: found!.column }).toEqual(at);
      expect(found!.message).toMatch(/\.$/);
      expect(found!.fix ?? '').not.toBe('');
      if (c.message) expect(found!.message).toMatch(c.message);
      if (c.fix) expect(found!.fix).toMatch(c.fix);
    });
  }
});

describe('what is not a fault', () => {
  it('a reference into legislation ("section 42 of the Care Act 2014") is left alone', () => {
    expect(validate(templateFiles('cross-reference-legislation'))).toEqual([]);
  });

  it('a published date after today is only a warning', () => {
    const issues = validate(templateFiles(), '2026-01-01');
    expect(issues.map((i) => [i.code, i.severity, i.field])).toEqual([
      ['template/published-future', 'warning', '/published_on'],
    ]);
  });
});

describe('files that are not templates at all', () => {
  it('a file that is not JSON is reported once, by the loader, with its line', () => {
    const files = templateFiles();
    const path = 'contract-templates/mini-contract/1.1.0.json';
    files.set(path, files.get(path)!.replace('"version": "1.1.0",', '"version": "1.1.0"'));
    const loaded = loadTemplates(files);
    const syntax = loaded.issues.filter((i) => i.file === path);
    expect(syntax.map((i) => [i.code, i.line])).toEqual([['json/syntax', 6]]);
    // The other version is still checked, and nothing about the broken one is guessed at.
    expect(validateContractTemplates(loaded).filter((i) => i.file === path)).toEqual([]);
  });

  it('a file holding a list instead of a template gets one schema error and no crash', () => {
    const issues = validate(templateFiles('not-an-object'));
    expect(
      issues
        .filter((i) => i.file.endsWith('1.1.0.json'))
        .map((i) => [i.code, i.line, i.column, i.field]),
    ).toEqual([['template/schema', 1, 1, '']]);
  });

  it('survives hostile shapes: wrong types everywhere', () => {
    const files = templateFiles();
    const hostile = {
      id: 7,
      version: ['1'],
      status: null,
      parameters: [null, 'x', { name: 'a', constraints: 'none' }],
      sections: [{ number: 1, clauses: 'none' }, null, { clauses: [null, { text: 5 }] }],
      schedules: { kind: 'pricing' },
      change_notes: 'none',
    };
    files.set('contract-templates/mini-contract/2.0.0.json', JSON.stringify(hostile, null, 2));
    const issues = validate(files);
    expect(issues.length).toBeGreaterThan(5);
    expect(issues.every((i) => i.line >= 1 && i.column >= 1 && ISSUE_CODES.has(i.code))).toBe(true);
  });

  it('a huge number of faults is still quick (the file is parsed once)', () => {
    const files = templateFiles();
    const path = 'contract-templates/mini-contract/1.1.0.json';
    const template = JSON.parse(files.get(path)!) as {
      sections: { clauses: { text: string }[] }[];
    };
    template.sections[0]!.clauses[0]!.text = Array.from(
      { length: 3000 },
      (_, i) => `{{x${i}}}`,
    ).join(' ');
    files.set(path, JSON.stringify(template, null, 2));
    const started = performance.now();
    const issues = validate(files);
    expect(issues.filter((i) => i.code === 'template/placeholder-undeclared')).toHaveLength(3000);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('validateRegister runs the template checks through extraChecks', () => {
  it('reports template faults alongside the tables, sorted with them', () => {
    const files = new Map<string, string>([...fixtureFiles(), ...templateFiles('numbering-gap')]);
    const loaded = loadRegister(toSources(files));
    const issues = validateRegister(loaded, {
      today: '2026-06-01',
      extraChecks: [contractTemplateCheck({ today: '2026-06-01' })],
    });
    // Renumbering 1.2 as 1.3 also leaves the parameter guidance's "clause 1.2" pointing nowhere.
    expect(issues.map((i) => [i.code, i.file, i.line])).toEqual([
      ['template/cross-reference', 'contract-templates/mini-contract/1.1.0.json', 29],
      ['template/numbering', 'contract-templates/mini-contract/1.1.0.json', 53],
    ]);
  });
});
