/**
 * Turns form answers into register cells: dropdown titles into codes, council names into GSS
 * codes, and the mechanical fixes `kitemark fix` would make (postcode spacing, leading zeros,
 * https://). What cannot be read becomes a plain-English problem naming the question. The
 * cells then go through the same loader and validator as any other change, so the form cannot
 * put into a branch anything the data standard would refuse.
 */
import { closest } from 'fastest-levenshtein';
import {
  fixCharityNumber,
  fixCompanyNumber,
  fixEmail,
  fixLink,
  fixOscrNumber,
  fixPostcode,
} from '../lib/cellFixes.ts';
import type { Codelist } from '../lib/loadRegister.ts';
import { oneLine } from '../lib/markdown.ts';
import type { FormDefinition, FormField } from './buildIssueForms.ts';
import { readChoices, type FormProblem } from './parseIssueForm.ts';

/** Cells by column, as they will be written (lists `;`-joined). */
export type Cells = Record<string, string>;

/** In a correction, this answer clears an optional field. */
export const CLEAR = '-';

const FIXES: Record<string, (v: string) => string | undefined> = {
  postcode: fixPostcode,
  company_number: fixCompanyNumber,
  charity_number: fixCharityNumber,
  oscr_number: fixOscrNumber,
  email: fixEmail,
  website: fixLink,
};

/**
 * One answer as a cell, or a problem. Returns undefined for an empty answer. Codelists are the
 * register's (the default branch's), so a code retired since the form was written is refused.
 */
export function readAnswer(
  field: FormField,
  answer: string,
  codelists: ReadonlyMap<string, Codelist>,
  problems: FormProblem[],
): string | undefined {
  const text = answer.trim();
  if (text === '') return undefined;
  const problem = (message: string, fix?: string) => {
    problems.push(
      fix === undefined ? { field: field.label, message } : { field: field.label, message, fix },
    );
    return undefined;
  };
  switch (field.reads) {
    case 'code':
    case 'codes': {
      const { codes, unknown } = readChoices(text, field.options ?? []);
      if (unknown.length > 0) {
        return problem(
          `${unknown.map((u) => `"${oneLine(u)}"`).join(', ')} ${unknown.length === 1 ? 'is not one of the choices' : 'are not among the choices'}.`,
          'Choose from the list in the form.',
        );
      }
      if (field.reads === 'code' && codes.length > 1) return problem('Choose only one.');
      return codes.join(';') || undefined;
    }
    case 'council':
    case 'councils': {
      const pieces =
        field.reads === 'council'
          ? [text]
          : text
              .split(/[\n;]+|,(?![^(]*\))/)
              .map((p) => p.trim())
              .filter(Boolean);
      const codes: string[] = [];
      for (const piece of pieces) {
        const found = findCouncil(piece, codelists.get('local-authorities'));
        if (found.code) {
          if (!codes.includes(found.code)) codes.push(found.code);
        } else problem(found.problem!, found.fix);
      }
      return codes.join(';') || undefined;
    }
    case 'provider': {
      const id = text.toUpperCase().replace(/\s+/g, '');
      if (!/^P[0-9]{6}$/.test(id))
        return problem(
          `"${oneLine(text)}" is not a provider ID.`,
          'A provider ID is P and six digits, as on your register page, for example P000123.',
        );
      return id;
    }
    case 'names': {
      const names = [
        ...new Set(
          text
            .split(/[\n;]+/)
            .map((n) => n.trim())
            .filter(Boolean),
        ),
      ];
      const read = names.map((n) => plainText(n, problem));
      return read.includes(undefined) ? undefined : read.join(';') || undefined;
    }
    default: {
      // One line of plain text: line breaks, tabs and control characters become spaces.
      const value = plainText(field.id === 'description' ? oneLine(text) : text, problem);
      const fix = FIXES[field.target?.column ?? field.id];
      return value === undefined ? undefined : (fix?.(value) ?? value);
    }
  }
}

/** One line of text that is safe in a CSV cell, or undefined with the problem recorded. */
function plainText(
  value: string,
  problem: (message: string, fix?: string) => undefined,
): string | undefined {
  if (/[\n\r\t]/.test(value)) return problem('Write this on one line.');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value))
    return problem('This contains control characters.', 'Type it again as plain text.');
  // A cell a spreadsheet would run as a formula (CSV injection); +44 phone numbers are fine.
  if (/^[=@]/.test(value) || /^[+-](?![0-9 ])/.test(value)) {
    return problem(
      'This cannot start with =, @, + or -, which spreadsheets read as a formula.',
      'Remove the first character.',
    );
  }
  return value;
}

interface CouncilMatch {
  code?: string;
  problem?: string;
  fix?: string;
}

const COUNCIL_NOISE =
  /\b(the|city|of|county|borough|council|royal|metropolitan|district|london|unitary|authority)\b/g;

function councilKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(COUNCIL_NOISE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A council by GSS code, name ("City of Bristol") or council name ("Bristol City Council"). */
export function findCouncil(text: string, list: Codelist | undefined): CouncilMatch {
  const shown = `"${oneLine(text).slice(0, 100)}"`;
  if (!list) return { problem: 'The list of councils is missing from the register.' };
  const current = [...list.entries.values()].filter((e) => !e['end_date']);
  const code = text.trim().toUpperCase();
  if (/^[EWSN][0-9]{8}$/.test(code)) {
    const entry = list.entries.get(code);
    if (!entry)
      return {
        problem: `${shown} is not a council's GSS code.`,
        fix: "Check the code, or write the council's name.",
      };
    if (entry['end_date']) {
      const next = entry['replaced_by'] ? list.entries.get(entry['replaced_by']) : undefined;
      return {
        problem: `${entry.title} (${code}) no longer exists${entry['end_date'] ? ` (since ${entry['end_date']})` : ''}.`,
        ...(next ? { fix: `Use ${next.title} (${next.code}).` } : {}),
      };
    }
    return { code };
  }
  const key = councilKey(text);
  if (key === '') return { problem: `${shown} is not the name of a council.` };
  const matches = current.filter(
    (e) => councilKey(e.title) === key || councilKey(e.description ?? '') === key,
  );
  const unique = [...new Set(matches.map((e) => e.code))];
  if (unique.length === 1) return { code: unique[0]! };
  if (unique.length > 1) {
    return {
      problem: `${shown} could be any of ${matches.map((e) => `${e.title} (${e.code})`).join(', ')}.`,
      fix: 'Write the GSS code of the one you mean.',
    };
  }
  const names = current.map((e) => e.title);
  const near = closest(key, names.map(councilKey));
  const suggestion = current.find((e) => councilKey(e.title) === near);
  return {
    problem: `We could not find a council called ${shown}.`,
    fix: suggestion
      ? `Did you mean ${suggestion.title} (${suggestion.code})? You can also write the GSS code.`
      : "Write the council's GSS code.",
  };
}

export interface ApplicationCells {
  provider: Cells;
  accreditation: Cells;
  problems: FormProblem[];
}

/** An application's answers as a new provider row and a new `applied` award (keys added later). */
export function readApplication(
  answers: ReadonlyMap<string, string>,
  form: FormDefinition,
  codelists: ReadonlyMap<string, Codelist>,
): ApplicationCells {
  const problems: FormProblem[] = [];
  const provider: Cells = {};
  const accreditation: Cells = { status: 'applied' };
  for (const field of form.fields) {
    if (!field.target) continue;
    const value = readAnswer(field, answers.get(field.id) ?? '', codelists, problems);
    if (value === undefined) continue;
    (field.target.table === 'providers' ? provider : accreditation)[field.target.column] = value;
  }
  return { provider, accreditation, problems };
}

export interface CorrectionCells {
  providerId?: string;
  /** Column → new cell; '' clears it. */
  changes: Cells;
  note: string;
  problems: FormProblem[];
}

/** A correction's answers: only what was filled in, `-` meaning "remove it". */
export function readCorrection(
  answers: ReadonlyMap<string, string>,
  form: FormDefinition,
  codelists: ReadonlyMap<string, Codelist>,
): CorrectionCells {
  const problems: FormProblem[] = [];
  const changes: Cells = {};
  let providerId: string | undefined;
  for (const field of form.fields) {
    const answer = answers.get(field.id) ?? '';
    if (field.reads === 'provider') {
      providerId = readAnswer(field, answer, codelists, problems);
      continue;
    }
    if (!field.target) continue;
    if (answer.trim() === CLEAR) {
      changes[field.target.column] = '';
      continue;
    }
    const value = readAnswer(field, answer, codelists, problems);
    if (value !== undefined) changes[field.target.column] = value;
  }
  const result: CorrectionCells = { changes, note: answers.get('anything_else') ?? '', problems };
  if (providerId) result.providerId = providerId;
  return result;
}
