/**
 * The rules about the words of a template: no invisible characters or markup; placeholders
 * written as {{name}}, only in clause text, each a declared parameter and each parameter used;
 * cross-references to clauses, sections and schedules that exist.
 */
import { closest, distance } from 'fastest-levenshtein';
import { forbiddenCharacterAt } from '../../textPolicy.ts';
import {
  findCrossReferences,
  findMalformedPlaceholders,
  findPlaceholders,
  type CrossReference,
} from '../../contracts/segmentText.ts';
import { raising, type Issue } from '../../issue.ts';
import { quote } from '../../words.ts';
import type { CheckedTemplate } from './checkedTemplate.ts';
import { arr, obj, type Json } from '../json.ts';
import type { Numbers } from './numbering.ts';
import type { DeclaredParameter } from './parameters.ts';
import { describe, fieldName, span } from './phrasing.ts';

const { error, warning } = raising([
  'template/characters',
  'template/markup',
  'template/placeholder-malformed',
  'template/placeholder-misplaced',
  'template/placeholder-undeclared',
  'template/money-symbol',
  'template/cross-reference',
  'template/parameter-unused',
]);

/** A string in the template, and what kind of text it is. */
interface TextField {
  pointer: string;
  text: string;
  /** Clause text takes placeholders; `contract` is other printed text; `notes` are change notes. */
  role: 'clause-text' | 'contract' | 'guidance' | 'notes';
}

function textFields(value: Json): TextField[] {
  const fields: TextField[] = [];
  const add = (pointer: string, text: unknown, role: TextField['role']) => {
    if (typeof text === 'string') fields.push({ pointer, text, role });
  };
  add('/title', value['title'], 'contract');
  add('/summary', value['summary'], 'contract');
  arr(value['parameters']).forEach((p, i) => {
    const o = obj(p);
    add(`/parameters/${i}/label`, o?.['label'], 'contract');
    add(`/parameters/${i}/guidance`, o?.['guidance'], 'guidance');
    add(`/parameters/${i}/fallback`, o?.['fallback'], 'contract');
    arr(obj(o?.['constraints'])?.['options']).forEach((option, k) =>
      add(`/parameters/${i}/constraints/options/${k}`, option, 'contract'),
    );
  });
  for (const kind of ['sections', 'schedules'] as const) {
    arr(value[kind]).forEach((part, i) => {
      const o = obj(part);
      add(`/${kind}/${i}/title`, o?.['title'], 'contract');
      arr(o?.['clauses']).forEach((clause, j) => {
        const c = obj(clause);
        add(`/${kind}/${i}/clauses/${j}/heading`, c?.['heading'], 'contract');
        add(`/${kind}/${i}/clauses/${j}/text`, c?.['text'], 'clause-text');
        add(`/${kind}/${i}/clauses/${j}/guidance`, c?.['guidance'], 'guidance');
      });
      arr(o?.['cost_lines']).forEach((line, k) => {
        const l = obj(line);
        add(`/${kind}/${i}/cost_lines/${k}/description`, l?.['description'], 'contract');
        add(`/${kind}/${i}/cost_lines/${k}/guidance`, l?.['guidance'], 'guidance');
      });
    });
  }
  arr(value['change_notes']).forEach((n, i) =>
    add(`/change_notes/${i}/summary`, obj(n)?.['summary'], 'notes'),
  );
  return fields;
}

const MARKUP = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<!--|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;

export function checkText(
  checked: CheckedTemplate,
  value: Json,
  parameters: Map<string, DeclaredParameter>,
  numbers: Numbers,
  issues: Issue[],
): void {
  const used = new Set<string>();
  const names = [...parameters.keys()];
  for (const field of textFields(value)) {
    const { pointer, text, role } = field;
    const where = describe(value, pointer);
    const at = (inside: number) => checked.at(pointer, inside);

    const bad = forbiddenCharacterAt(text);
    if (bad >= 0) {
      const code = text.codePointAt(bad)!.toString(16).toUpperCase().padStart(4, '0');
      issues.push(
        error(
          'template/characters',
          at(bad),
          `The ${fieldName(pointer)} of ${where} holds the invisible character U+${code}: a control character, a hidden text-direction mark or a private-use character, which can make words read differently from what they say.`,
          'Delete it and retype the words around it.',
        ),
      );
    }
    const markup = MARKUP.exec(text);
    if (markup) {
      issues.push(
        warning(
          'template/markup',
          at(markup.index),
          `The ${fieldName(pointer)} of ${where} holds ${quote(markup[0])}, which every format shows as those characters, not as formatting.`,
          'Write plain text: no HTML tags or entities. Start a new paragraph with a blank line.',
        ),
      );
    }
    if (role === 'notes') continue;

    for (const m of findMalformedPlaceholders(text)) {
      const guess = m.text.replace(/[{}\s]/g, '').toLowerCase();
      const near = names.length && guess ? closest(guess, names) : undefined;
      issues.push(
        error(
          'template/placeholder-malformed',
          at(m.start),
          `The ${fieldName(pointer)} of ${where} has ${quote(m.text)}, which looks like a placeholder but is not written as one, so it would print as it stands.`,
          `Write placeholders as {{name}}: two braces each side, lower case, no spaces${near && distance(guess, near) <= 3 ? `, for example {{${near}}}` : ''}.`,
        ),
      );
    }
    for (const p of findPlaceholders(text)) {
      if (role !== 'clause-text') {
        issues.push(
          error(
            'template/placeholder-misplaced',
            at(p.start),
            `The ${fieldName(pointer)} of ${where} has the placeholder {{${p.name}}}, but placeholders are filled in only in clause text, so it would print as it stands.`,
            'Move the placeholder into the text of a clause, or write the words out.',
          ),
        );
        continue;
      }
      used.add(p.name);
      const parameter = parameters.get(p.name);
      if (!parameter) {
        const near = names.length ? closest(p.name, names) : undefined;
        issues.push(
          error(
            'template/placeholder-undeclared',
            at(p.start),
            `The text of ${where} uses {{${p.name}}}, but there is no parameter called "${p.name}".`,
            near && distance(p.name, near) <= Math.max(2, Math.floor(near.length / 3))
              ? `Did you mean {{${near}}}? Otherwise declare "${p.name}" in parameters.`
              : `Declare "${p.name}" in parameters, with its label and type, or correct the name.`,
          ),
        );
      } else if (
        parameter.type === 'money' &&
        text.slice(Math.max(0, p.start - 1), p.start) === '£'
      ) {
        issues.push(
          warning(
            'template/money-symbol',
            at(p.start - 1),
            `The text of ${where} puts £ before {{${p.name}}}, but money values are printed with their own £ sign, so it would read ££.`,
            `Delete the £ before {{${p.name}}}.`,
          ),
        );
      }
    }
    for (const r of findCrossReferences(text)) {
      const problem = referenceProblem(r, numbers);
      if (!problem) continue;
      issues.push(
        error(
          'template/cross-reference',
          at(r.start),
          `The ${fieldName(pointer)} of ${where} refers to "${r.text.trim()}", but ${problem.message}`,
          problem.fix,
        ),
      );
    }
  }
  for (const [name, p] of parameters) {
    if (used.has(name)) continue;
    issues.push(
      error(
        'template/parameter-unused',
        checked.at(`/parameters/${p.index}/name`),
        `Parameter "${name}" is declared, but no clause uses {{${name}}}, so its value would never appear in the contract.`,
        `Use {{${name}}} in the clause it belongs to, or remove the parameter.`,
      ),
    );
  }
}

function referenceProblem(
  r: CrossReference,
  numbers: Numbers,
): { message: string; fix: string } | undefined {
  const clauses = new Set(numbers.clauses);
  const sectionOf = (n: string) => /^(S?)(\d+)\./.exec(n);
  if (r.kind === 'clause') {
    if (clauses.has(r.number)) {
      if (r.rangeFrom && clauses.has(r.rangeFrom)) {
        if (numbers.clauses.indexOf(r.rangeFrom) > numbers.clauses.indexOf(r.number)) {
          return {
            message: `the range from clause ${r.rangeFrom} to clause ${r.number} runs backwards.`,
            fix: `Write the range from the earlier clause to the later one: clause ${r.number} to clause ${r.rangeFrom}.`,
          };
        }
      }
      return undefined;
    }
    if (/^\d+$/.test(r.number) && numbers.sections.has(r.number)) {
      return {
        message: `clause numbers have a full stop, like ${r.number}.1.`,
        fix: `Did you mean section ${r.number}?`,
      };
    }
    if (/^S\d+$/.test(r.number) && numbers.schedules.has(r.number.slice(1))) {
      return {
        message: `schedule clause numbers have a full stop, like ${r.number}.1.`,
        fix: `Did you mean Schedule ${r.number.slice(1)}?`,
      };
    }
    const m = sectionOf(r.number);
    const siblings = m ? numbers.clauses.filter((c) => c.startsWith(`${m[1]}${m[2]}.`)) : [];
    return {
      message: `there is no clause ${r.number} in this version.`,
      fix: siblings.length
        ? `Point it at the right clause, or reword it. ${m![1] ? `Schedule ${m![2]}` : `Section ${m![2]}`} has ${siblings.length > 1 ? 'clauses' : 'clause'} ${span(siblings)}.`
        : 'Point it at a clause that exists in this version, or reword it.',
    };
  }
  const set = r.kind === 'section' ? numbers.sections : numbers.schedules;
  if (set.has(r.number)) return undefined;
  if (r.kind === 'section' && clauses.has(r.number)) {
    return {
      message: `${r.number} is a clause, not a section.`,
      fix: `Did you mean clause ${r.number}?`,
    };
  }
  if (r.kind === 'schedule' && clauses.has(`S${r.number}`)) {
    return {
      message: `S${r.number} is a clause, not a schedule.`,
      fix: `Did you mean clause S${r.number}?`,
    };
  }
  const all = [...set].sort((a, b) => Number(a) - Number(b));
  return {
    message: `there is no ${r.kind === 'section' ? 'section' : 'Schedule'} ${r.number} in this version.`,
    fix: all.length
      ? `Point it at one that exists: ${r.kind === 'section' ? 'section' : 'Schedule'}${all.length > 1 ? 's' : ''} ${span(all)}.`
      : 'Point it at a part that exists, or reword it.',
  };
}
