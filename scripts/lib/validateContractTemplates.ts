/**
 * Validates the contract templates (`contract-templates/<id>/<version>.json`): each file against
 * the schema, then the rules a schema cannot say. Every placeholder is a declared parameter and
 * every parameter is used; cross-references point at clauses, sections and schedules that
 * exist; sections, schedules and clauses are numbered 1, 2, 3… in order; the id and version
 * match the folder and file name; codes come from the codelists; and, across the versions of a
 * template, `supersedes` names an earlier version that exists and only one version is
 * published at a time.
 *
 * Every issue points at the file, line and column (inside a clause's text for a placeholder or
 * cross-reference) and the JSON pointer of the field, says what is wrong in plain English and
 * how to put it right. The module is pure: it reads the loaded register and returns issues.
 * It is defensive throughout: a file that fails the schema is still checked as far as its
 * shape allows, so one mistake does not hide the next.
 */
import { locateJson } from './contracts/locateJson.ts';
import { compareIssues, error, type Issue } from './issue.ts';
import type { Codelist, JsonSource, LoadedRegister } from './registerTypes.ts';
import { checkChangeNotes } from './validate/templates/changeNotes.ts';
import {
  type CheckedTemplate,
  type TemplateCheckOptions,
} from './validate/templates/checkedTemplate.ts';
import { TEMPLATE_CODELISTS, checkCodes } from './validate/templates/codelists.ts';
import { checkCostLines } from './validate/templates/costLines.ts';
import { checkFile, checkPlace } from './validate/templates/file.ts';
import { obj } from './validate/json.ts';
import { checkNumbering } from './validate/templates/numbering.ts';
import { checkParameters } from './validate/templates/parameters.ts';
import { schemaCheck, templateSchemaIssues } from './validate/templates/schema.ts';
import { checkText } from './validate/templates/text.ts';
import { checkVersions } from './validate/templates/versions.ts';

export type { TemplateCheckOptions } from './validate/templates/checkedTemplate.ts';
import { appendAll } from './appendAll.ts';

const FILE = /^contract-templates\/([^/]+)\/([^/]+)\.json$/;

/** One file through every rule that looks at a single version, in the order a reader meets them. */
function checkTemplate(
  source: JsonSource<unknown>,
  codelists: ReadonlyMap<string, Codelist>,
  issues: Issue[],
): CheckedTemplate {
  const match = FILE.exec(source.file);
  const locate = locateJson(source.text);
  const checked: CheckedTemplate = {
    source,
    folder: match?.[1] ?? '',
    name: match?.[2] ?? '',
    value: obj(source.value),
    locate,
    at: (pointer, inside) => ({ file: source.file, ...locate.at(pointer, inside), field: pointer }),
  };
  checkFile(checked, issues);
  const validate = schemaCheck();
  if (!validate(source.value))
    appendAll(issues, templateSchemaIssues(checked, validate.errors ?? []));
  const value = checked.value;
  if (!value) return checked;

  checkPlace(checked, value, issues);
  checkCodes(checked, value, codelists, issues);
  const numbers = checkNumbering(checked, value, issues);
  const parameters = checkParameters(checked, value, issues);
  checkText(checked, value, parameters, numbers, issues);
  checkCostLines(checked, value, codelists, issues);
  checkChangeNotes(checked, value, issues);
  return checked;
}

export function validateContractTemplates(
  register: Pick<LoadedRegister, 'templates' | 'codelists'>,
  options: TemplateCheckOptions = {},
): Issue[] {
  const issues: Issue[] = [];
  if (register.templates.length > 0) {
    for (const name of TEMPLATE_CODELISTS) {
      if (register.codelists.has(name)) continue;
      issues.push(
        error(
          'file/missing',
          { file: `codelists/${name}.csv`, line: 1, column: 1, field: '' },
          `The codelist codelists/${name}.csv is missing; contract templates draw on it.`,
          'Restore it from the repository.',
        ),
      );
    }
  }
  const files: CheckedTemplate[] = [];
  for (const source of register.templates) {
    // A file that is not JSON has been reported by the loader; there is nothing more to check.
    if (source.value === undefined) continue;
    files.push(checkTemplate(source, register.codelists, issues));
  }
  checkVersions(files, issues, options);
  return issues.sort(compareIssues);
}

/** The check `validateRegister` runs through `extraChecks`. */
export function contractTemplateCheck(options: TemplateCheckOptions = {}) {
  return (register: Pick<LoadedRegister, 'templates' | 'codelists'>): Issue[] =>
    validateContractTemplates(register, options);
}
