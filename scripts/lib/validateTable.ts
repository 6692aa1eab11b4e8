/**
 * Checks one table against its JSON Schema, cell by cell, so every problem lands on its own line,
 * column and field: header, required cells, types and formats (via the schema), codelists,
 * spreadsheet formulas, links, and unique keys.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { error, warning, type Issue, type IssueAt, type IssueCode } from './issue.ts';
import type { Codelist } from './registerTypes.ts';
import type { ParsedRow } from './parseTable.ts';
import type { CompiledTable, FieldSpec } from './schemas.ts';
import { codeInOtherCase, suggestCode } from './suggest.ts';
import { quoteValue, writeItAs } from './quoteValue.ts';
import {
  codePointName,
  describeCharacter,
  forbiddenCharacterAt,
  hasForbiddenCharacter,
  isRemovable,
  MULTILINE_FIELDS as MULTILINE,
} from './textPolicy.ts';
import {
  fixCharityNumber,
  fixCompanyNumber,
  fixDate,
  fixEmail,
  fixLink,
  fixOscrNumber,
  fixPostcode,
  isEmptySentinel,
} from './cellFixes.ts';
import { appendAll } from './appendAll.ts';

/** A table as written, before typing: what schema checks need to point at cells. */
export interface RawTable {
  file: string;
  present: boolean;
  header: string[];
  column: Map<string, number>;
  rows: ParsedRow[];
}

export function validateTable(
  table: RawTable,
  compiled: CompiledTable,
  codelists: ReadonlyMap<string, Codelist>,
  /** The typed record of each row, in the same order (see loadRegister). */
  records: readonly object[],
): Issue[] {
  const issues: Issue[] = [];
  if (!table.present || table.header.length === 0) return issues;
  const { spec } = compiled;
  const file = table.file;

  appendAll(
    issues,
    validateHeader(table, spec.fields, spec.schema['additionalProperties'] !== false),
  );

  const columns: Column[] = [];
  for (const field of spec.fields) {
    const index = table.column.get(field.name);
    if (index === undefined) continue;
    const codelist = field.codelist ? codelists.get(field.codelist) : undefined;
    columns.push({
      field,
      index,
      check: compiled.cell.get(field.name)!,
      codes: codelist?.entries,
      codelist,
      freeText: !codelist && !field.format && !field.pattern,
      formulaSafe: field.name === 'phone' ? startsSafelyAllowingPlus : startsSafely,
      slow: field.kind === 'list' || field.codelist === 'local-authorities',
    });
  }

  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    const { cells, line } = row;
    for (const col of columns) {
      const raw = cells[col.index];
      if (raw === undefined || (raw === '' && !col.field.required) || acceptsQuickly(col, raw)) {
        continue;
      }
      explainCell(
        col,
        raw,
        (records[r] as Record<string, unknown>)[col.field.name],
        { file, line, column: col.index + 1, field: col.field.name },
        issues,
      );
    }

    if (compiled.row && !compiled.row(records[r])) {
      for (const e of compiled.row.errors ?? []) {
        if (e.keyword !== 'required') continue;
        const name = String(e.params['missingProperty']);
        const field = spec.fields.find((f) => f.name === name);
        const index = table.column.get(name);
        if (!field || index === undefined) continue;
        issues.push(
          error(
            'cell/required',
            { file, line, column: index + 1, field: name },
            `${field.title} is required ${conditionText(spec.name, name)}.`,
            exampleHint(field),
          ),
        );
      }
    }
  }
  for (const issue of duplicateKeys(table, spec.primaryKey)) issues.push(issue);
  return issues;
}

// What a spreadsheet runs as a formula when a cell starts with it (OWASP CSV injection).
const EQUALS = 61,
  AT = 64,
  PLUS = 43,
  MINUS = 45,
  TAB = 9,
  CR = 13;

function startsSafely(value: string): boolean {
  const c = value.charCodeAt(0);
  return c !== EQUALS && c !== AT && c !== PLUS && c !== MINUS && c !== TAB && c !== CR;
}

/** Phone numbers may start with +44. */
function startsSafelyAllowingPlus(value: string): boolean {
  return value.charCodeAt(0) === PLUS || startsSafely(value);
}

/**
 * Rows that repeat a key. Canonical files are sorted by key, so a repeat is the row before:
 * compare neighbours without hashing, and only if a key is out of order fall back to a map of
 * every key seen (a 600,000-row table hashes nothing when it is in order).
 */
function duplicateKeys(table: RawTable, key: readonly string[]): Issue[] {
  const columns = key.map((k) => table.column.get(k));
  if (columns.length === 0 || columns.some((c) => c === undefined)) return [];
  const at = columns as number[];
  const cell = (row: ParsedRow, c: number) => (row.cells[c] ?? '').trim();
  const compare = (a: ParsedRow, b: ParsedRow) => {
    for (const c of at) {
      const x = cell(a, c);
      const y = cell(b, c);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
  const duplicate = (row: ParsedRow, firstLine: number) => {
    const name = key.join(' and ');
    return error(
      'key/duplicate',
      { file: table.file, line: row.line, column: at[0]! + 1, field: key[0]! },
      `${name} ${at.map((c) => cell(row, c)).join(', ')} is already used on line ${firstLine}.`,
      key.length === 1
        ? `Give this record a new ${name} (keys are never reused), or merge the two rows.`
        : 'Keep one row for each combination: merge the two rows.',
    );
  };
  const rows = table.rows.filter((r) => at.some((c) => cell(r, c) !== ''));

  const issues: Issue[] = [];
  let runStart: ParsedRow | undefined;
  let sorted = true;
  for (const row of rows) {
    const order = runStart ? compare(runStart, row) : -1;
    if (order > 0) {
      sorted = false;
      break;
    }
    if (order === 0) issues.push(duplicate(row, runStart!.line));
    else runStart = row;
  }
  if (sorted) return issues;

  const seen = new Map<string, number>();
  const found: Issue[] = [];
  for (const row of rows) {
    const k = at.map((c) => cell(row, c)).join('\u0000');
    const first = seen.get(k);
    if (first === undefined) seen.set(k, row.line);
    else found.push(duplicate(row, first));
  }
  return found;
}

/**
 * Says what is wrong with one cell, in plain English. Only called for cells that failed the
 * quick test, so the 6 million good cells of a 50,000-provider register allocate nothing.
 */
function explainCell(col: Column, raw: string, typed: unknown, at: IssueAt, issues: Issue[]): void {
  const value =
    raw.length > 0 && (raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32)
      ? raw.trim()
      : raw;
  if (value !== raw) {
    issues.push(
      warning(
        'cell/whitespace',
        at,
        `${col.field.title} has spaces or line breaks at the start or end.`,
        'Run `kitemark fix` to trim them.',
      ),
    );
  }
  if (value === '') {
    if (col.field.required) {
      issues.push(
        error(
          'cell/required',
          at,
          `${col.field.title} is required but empty.`,
          exampleHint(col.field),
        ),
      );
    }
    return;
  }
  if (!col.formulaSafe(value)) {
    issues.push(
      error(
        'cell/formula',
        at,
        `${col.field.title} starts with "${value[0] === '\t' ? '\\t' : value[0]}", which a spreadsheet would run as a formula.`,
        'Reword it so it does not start with = + - @ (for example, put the words first).',
      ),
    );
    return;
  }
  if (isEmptySentinel(value) && !col.codes?.has(value)) {
    issues.push(
      error(
        'cell/placeholder',
        at,
        `${col.field.title} says "${quoteValue(value)}"; the register leaves a cell empty when there is nothing to say.`,
        col.field.required ? exampleHint(col.field) : 'Leave the cell empty.',
      ),
    );
    return;
  }
  if (col.freeText) {
    const bad = forbiddenCharacterAt(value, { multiline: MULTILINE.has(col.field.name) });
    if (bad >= 0) {
      const removable = isRemovable(value, { multiline: MULTILINE.has(col.field.name) });
      issues.push(
        error(
          'text/invisible',
          at,
          `${col.field.title} holds ${describeCharacter(value, bad)} (${codePointName(value, bad)}) at character ${bad + 1}, which does not show but changes what the text says or how it is shown.`,
          removable
            ? 'Run `kitemark fix` to remove it.'
            : 'Delete it and retype the words around it.',
        ),
      );
    }
  }
  if (col.freeText && MARKUP.test(value)) {
    issues.push(
      warning(
        'text/markup',
        at,
        `${col.field.title} contains HTML tags; the register is plain text, so they will be shown as written.`,
        'Remove the tags and write plain text.',
      ),
    );
  }
  if (col.field.kind === 'list') {
    const items = Array.isArray(typed) ? (typed as string[]) : [];
    if (/;\s*;|^\s*;|;\s*$/.test(value)) {
      issues.push(
        warning(
          'list/empty-item',
          at,
          `${col.field.title} has an empty item between semicolons.`,
          'Run `kitemark fix` to remove it.',
        ),
      );
    }
    const seen = new Set<string>();
    for (const item of items) {
      if (seen.has(item)) {
        issues.push(
          error(
            'list/duplicate',
            at,
            `${col.field.title} lists "${quoteValue(item)}" more than once.`,
            `Keep one "${quoteValue(item)}".`,
          ),
        );
      }
      seen.add(item);
      // Each name of a free-text list is shown and exported on its own, so each must be safe.
      if (col.freeText && !col.formulaSafe(item)) {
        issues.push(
          error(
            'cell/formula',
            at,
            `${col.field.title} has an item starting with "${item[0]}", which a spreadsheet would run as a formula: "${quoteValue(item)}".`,
            'Reword it so it does not start with = + - @ (for example, put the words first).',
          ),
        );
      } else if (col.codes && !col.codes.has(item))
        issues.push(codelistIssue(col.field, col.codelist!, item, at));
      else if (col.codelist?.name === 'local-authorities') {
        const problem = authorityIssue(col.field, col.codelist, item, at);
        if (problem) issues.push(problem);
      } else if (!col.codes && !col.check([item]))
        appendAll(issues, cellIssues(col.field, item, col.check.errors, at));
    }
    if (col.codes && !col.check(items)) {
      appendAll(
        issues,
        cellIssues(
          col.field,
          value,
          col.check.errors?.filter((e) => e.keyword !== 'uniqueItems'),
          at,
        ),
      );
    }
    return;
  }
  if (col.codes) {
    if (!col.codes.has(value)) issues.push(codelistIssue(col.field, col.codelist!, value, at));
    else if (col.codelist?.name === 'local-authorities') {
      const problem = authorityIssue(col.field, col.codelist, value, at);
      if (problem) issues.push(problem);
    }
    return;
  }
  if (!col.check(value)) appendAll(issues, cellIssues(col.field, value, col.check.errors, at));
}

/** True when the cell certainly passes every check; false means "look closer". */
function acceptsQuickly(col: Column, raw: string): boolean {
  if (raw.length === 0 || col.slow) return false;
  const first = raw.charCodeAt(0);
  if (first <= 32 || raw.charCodeAt(raw.length - 1) <= 32 || !col.formulaSafe(raw)) return false;
  if ((raw.length <= 4 || first === MINUS) && isEmptySentinel(raw)) return false;
  if (
    col.freeText &&
    (MARKUP.test(raw) || hasForbiddenCharacter(raw, { multiline: MULTILINE.has(col.field.name) }))
  )
    return false;
  return col.codes ? col.codes.has(raw) : col.check(raw);
}

// `[^<>]`, not `[^>]`: a cell of many `<a` and no `>` must not be rescanned from every `<`.
const MARKUP = /<\/?[a-z!][^<>]*>/i;

interface Column {
  field: FieldSpec;
  index: number;
  check: ValidateFunction;
  codes: Map<string, unknown> | undefined;
  codelist: Codelist | undefined;
  formulaSafe: (v: string) => boolean;
  /**
   * Free text (no codelist, format or pattern): HTML tags are worth a warning, and each item
   * of a list must be formula-safe.
   */
  freeText: boolean;
  /** Lists and councils always take the full path: they have more to check. */
  slow: boolean;
}

function validateHeader(
  table: RawTable,
  fields: readonly FieldSpec[],
  extraAllowed: boolean,
): Issue[] {
  const issues: Issue[] = [];
  const known = new Set(fields.map((f) => f.name));
  const at = (column: number, field: string): IssueAt => ({
    file: table.file,
    line: 1,
    column,
    field,
  });
  table.header.forEach((name, i) => {
    if (table.column.get(name) !== i) {
      issues.push(
        error(
          'header/duplicate-column',
          at(i + 1, name),
          `The column "${quoteValue(name)}" appears twice in the header.`,
          'Remove the second copy of the column.',
        ),
      );
    } else if (!known.has(name) && !extraAllowed) {
      const hint = suggestCode(name, [...known], '');
      issues.push(
        error(
          'header/unknown-column',
          at(i + 1, name),
          `"${quoteValue(name)}" is not a column of ${table.file}.`,
          hint.startsWith('use a code')
            ? `Remove the column; the columns are: ${[...known].join(', ')}.`
            : hint,
        ),
      );
    }
  });
  for (const field of fields) {
    if (!table.column.has(field.name) && !field.columnOptional) {
      issues.push(
        error(
          'header/missing-column',
          at(table.header.length + 1, field.name),
          `The column "${field.name}" (${field.title}) is missing from the header.`,
          `Add a "${field.name}" column${field.required ? ' and fill it in for every row' : ' (it may be left empty)'}.`,
        ),
      );
    }
  }
  return issues;
}

function exampleHint(field: FieldSpec): string {
  const example = field.examples[0];
  if (example === undefined) return `Fill in ${field.title}.`;
  const shown = Array.isArray(example) ? example.join(';') : String(example);
  return `Fill it in, for example "${shown}".`;
}

function conditionText(table: string, field: string): string {
  if (table === 'accreditations')
    return 'once the kitemark has been awarded (any status but applied)';
  if (table === 'documents' && field === 'sha256') return 'for a verified document';
  if (table === 'commissioners') return 'for an NHS body';
  return 'here';
}

function codelistIssue(field: FieldSpec, codelist: Codelist, value: string, at: IssueAt): Issue {
  const codes = [...codelist.entries.keys()];
  const other = codeInOtherCase(value, codes);
  return error(
    'codelist/unknown',
    at,
    `"${quoteValue(value)}" is not a code in the ${codelist.name} codelist (${field.title}).`,
    other ? `write it as "${other}"` : suggestCode(value, codes, codelist.name),
  );
}

/** Councils that no longer exist, or that do not run social care, named with their successors. */
function authorityIssue(
  field: FieldSpec,
  codelist: Codelist,
  code: string,
  at: IssueAt,
): Issue | undefined {
  const la = codelist.entries.get(code);
  if (!la) return undefined;
  if (la['end_date']) {
    const successors = (la['replaced_by'] ?? '').split(';').filter(Boolean);
    const named = successors.map((s) => `${s} (${codelist.entries.get(s)?.title ?? s})`);
    const year = la['end_date'].slice(0, 4);
    return error(
      'local-authority/abolished',
      at,
      named.length > 0
        ? `${code} (${la.title}) was replaced by ${named.join(' and ')} in ${year}.`
        : `${code} (${la.title}) was abolished in ${year}.`,
      successors.length === 1
        ? `write it as "${successors[0]}"`
        : `Use the council that is responsible for the address today${named.length ? `: one of ${named.join(', ')}` : ''}.`,
    );
  }
  if (la['social_care'] !== 'yes') {
    return error(
      'local-authority/not-social-care',
      at,
      `${code} (${la.title}) is a ${la['type'] === 'NMD' ? 'district' : 'lower-tier'} council, which does not run social care (${field.title}).`,
      'Use the county or unitary council responsible for social care at the address.',
    );
  }
  return undefined;
}

/** Turns the schema's complaints about one cell into plain English with a fix where there is one. */
function cellIssues(
  field: FieldSpec,
  value: string,
  errors: ErrorObject[] | null | undefined,
  at: IssueAt,
): Issue[] {
  const keywords = new Set((errors ?? []).map((e) => e.keyword));
  if (keywords.size === 0) return [];
  const title = field.title;

  if (keywords.has('maxLength') && keywords.size === 1) {
    return [
      error(
        'cell/too-long',
        at,
        `${title} is ${[...value].length} characters long; the most allowed is ${field.maxLength}.`,
        'Shorten it.',
      ),
    ];
  }
  if (keywords.has('minItems')) {
    return [error('cell/required', at, `${title} needs at least one item.`, exampleHint(field))];
  }
  if (field.format === 'date') {
    const fixed = fixDate(value);
    return [
      error(
        'date/format',
        at,
        `${title} "${quoteValue(value)}" is not a date in the form YYYY-MM-DD.`,
        fixed ? writeItAs(fixed) : 'Write dates as YYYY-MM-DD, for example "2025-04-01".',
      ),
    ];
  }
  if (field.format === 'uri') {
    const fixed = fixLink(value);
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1];
    return [
      error(
        'link/scheme',
        at,
        scheme && !/^https?$/i.test(scheme)
          ? `${title} is a "${quoteValue(scheme)}:" link; only web addresses starting http:// or https:// are allowed.`
          : `${title} "${quoteValue(value)}" is not a full web address.`,
        fixed ? writeItAs(fixed) : 'Give the full address, starting https://.',
      ),
    ];
  }
  if (field.format === 'email') {
    const fixed = fixEmail(value);
    return [
      error(
        'email/format',
        at,
        `${title} "${quoteValue(value)}" is not an email address.`,
        fixed ? writeItAs(fixed) : 'Write one address, such as "hello@example.org.uk".',
      ),
    ];
  }
  const special = PATTERN_FIXES[field.name];
  if (special) {
    const fixed = special.fix(value);
    return [
      error(
        special.code,
        at,
        `${title} "${quoteValue(value)}" is not ${special.expected}.`,
        fixed ? writeItAs(fixed) : special.hint(value),
      ),
    ];
  }
  return [
    error(
      'cell/format',
      at,
      `${title} "${quoteValue(value)}" is not in the expected form.`,
      exampleHint(field).replace('Fill it in, for', 'Write it like the'),
    ),
  ];
}

interface PatternFix {
  code: IssueCode;
  expected: string;
  fix: (value: string) => string | undefined;
  hint: (value: string) => string;
}

const idHint = (prefix: string, example: string) => (value: string) =>
  /^\d{1,6}$/.test(value)
    ? `write it as "${prefix}${value.padStart(6, '0')}"`
    : `Write it like "${example}".`;

const PATTERN_FIXES: Record<string, PatternFix> = {
  postcode: {
    code: 'postcode/format',
    expected: 'a UK postcode',
    fix: fixPostcode,
    hint: () => 'Write a full UK postcode in capitals with one space, such as "DT1 1AA".',
  },
  company_number: {
    code: 'company-number/format',
    expected: 'a Companies House number (8 characters)',
    fix: fixCompanyNumber,
    hint: () =>
      'Give the 8-character number from Companies House, keeping leading zeros, such as "04123456".',
  },
  charity_number: {
    code: 'charity-number/format',
    expected: 'a Charity Commission number (6 or 7 digits)',
    fix: fixCharityNumber,
    hint: (v) =>
      /^\d{6,7}-\d+$/.test(v)
        ? `"${quoteValue(v)}" is a linked charity; give the main registered number "${v.split('-')[0]}".`
        : 'Give the registered charity number from the Charity Commission, such as "1123456".',
  },
  oscr_number: {
    code: 'oscr-number/format',
    expected: 'an OSCR number (SC and 6 digits)',
    fix: fixOscrNumber,
    hint: () => 'Give the Scottish charity number, such as "SC012345".',
  },
  cqc_provider_id: {
    code: 'cqc-id/format',
    expected: 'a CQC provider ID (1- and digits)',
    fix: () => undefined,
    hint: (v) =>
      /^1-[0-9]+$/.test(v)
        ? 'CQC provider IDs have 6 to 12 digits after "1-"; check it against the CQC record.'
        : 'Give the CQC provider ID, such as "1-101693918" (not the location ID).',
  },
  phone: {
    code: 'phone/format',
    expected: 'a UK phone number',
    fix: () => undefined,
    hint: () => 'Write a UK number such as "01305 123456" or "+44 1305 123456".',
  },
  provider_id: {
    code: 'key/format',
    expected: 'a provider ID (P and 6 digits)',
    fix: () => undefined,
    hint: idHint('P', 'P000123'),
  },
  accreditation_id: {
    code: 'key/format',
    expected: 'a certificate number (KM- and 6 digits)',
    fix: () => undefined,
    hint: idHint('KM-', 'KM-000123'),
  },
  commissioner_id: {
    code: 'key/format',
    expected: 'an NHS ODS code or a council GSS code',
    fix: () => undefined,
    hint: () =>
      'Use the ODS code for an NHS body (such as "QOP") or the GSS code for a council (such as "E06000059").',
  },
  sha256: {
    code: 'document/sha256',
    expected: 'a SHA-256 fingerprint (64 hexadecimal characters)',
    fix: (v) => (/^[0-9A-F]{64}$/i.test(v) && v !== v.toLowerCase() ? v.toLowerCase() : undefined),
    hint: () =>
      'Compute it with `sha256sum FILE` (or `Get-FileHash FILE` on Windows) and paste the 64 characters.',
  },
};
