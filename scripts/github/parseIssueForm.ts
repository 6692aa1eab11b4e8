/**
 * Reads a submitted issue form back into answers. GitHub writes a form as Markdown: each
 * field's label as a `### ` heading, then the answer (`_No response_` when empty; a dropdown's
 * choices joined by `, `; checkboxes as `- [X] …`). The issue body is the applicant's own text
 * and may be edited by hand, so nothing is assumed: every heading must appear once, in order,
 * and an answer that contains another field's heading is refused rather than guessed at.
 */
import type { FormDefinition, FormField } from './buildIssueForms.ts';

export interface FormProblem {
  /** The form field's label, as the applicant saw it ('' for the form as a whole). */
  field: string;
  message: string;
  fix?: string;
  /** The issue is not laid out as the form writes it, so no answer can be trusted yet. */
  layout?: true;
}

export interface ParsedForm {
  /** Raw answers by field id; '' when left empty. Checkboxes: the ticked option codes, `;`-joined. */
  answers: Map<string, string>;
  problems: FormProblem[];
}

const NO_RESPONSE = /^_No response_$/;

export function parseIssueForm(body: string, form: FormDefinition): ParsedForm {
  const answers = new Map<string, string>();
  const problems: FormProblem[] = [];
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const byLabel = new Map(form.fields.map((f) => [f.label, f]));

  // Where each field's heading is; a label that heads more than one section is ambiguous.
  const headings: { field: FormField; line: number }[] = [];
  const seen = new Map<string, number>();
  lines.forEach((line, i) => {
    const m = /^###\s+(.+?)\s*$/.exec(line);
    const field = m ? byLabel.get(m[1]!) : undefined;
    if (!field) return;
    seen.set(field.id, (seen.get(field.id) ?? 0) + 1);
    headings.push({ field, line: i });
  });
  for (const [id, count] of seen) {
    if (count > 1) {
      const label = form.fields.find((f) => f.id === id)!.label;
      problems.push({
        field: label,
        message: `The heading "### ${label}" appears ${count} times, so we cannot tell which answer is yours.`,
        fix: 'Edit the issue so each question appears once, and do not start a line of an answer with "###".',
        layout: true,
      });
    }
  }
  if (problems.length > 0) return { answers, problems };
  const order = headings.map((h) => form.fields.indexOf(h.field));
  if (order.some((v, i) => i > 0 && v < order[i - 1]!)) {
    problems.push({
      field: '',
      message: 'The answers are not in the order of the form.',
      fix: 'Edit the issue back into the layout the form gave it, or open a new issue with the form.',
      layout: true,
    });
    return { answers, problems };
  }

  headings.forEach((h, i) => {
    const end = headings[i + 1]?.line ?? lines.length;
    const text = lines
      .slice(h.line + 1, end)
      .join('\n')
      .trim();
    answers.set(
      h.field.id,
      h.field.type === 'checkboxes' ? ticked(text, h.field) : NO_RESPONSE.test(text) ? '' : text,
    );
  });

  for (const field of form.fields) {
    if (!answers.has(field.id)) {
      problems.push({
        field: field.label,
        message: `The question "${field.label}" is missing from the issue.`,
        fix: 'Edit the issue back into the layout the form gave it, or open a new issue with the form.',
        layout: true,
      });
    } else if (field.required && answers.get(field.id) === '') {
      problems.push({
        field: field.label,
        message:
          field.type === 'checkboxes'
            ? 'Please tick every box of the declaration.'
            : `"${field.label}" needs an answer.`,
      });
    } else if (
      field.type === 'checkboxes' &&
      field.required &&
      answers.get(field.id)!.split(';').length < field.options!.length
    ) {
      problems.push({ field: field.label, message: 'Please tick every box of the declaration.' });
    }
  }
  return { answers, problems };
}

/** The codes of the ticked options of a checkboxes field, `;`-joined. */
function ticked(text: string, field: FormField): string {
  const codes: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*[-*]\s+\[([xX])\]\s+(.+?)\s*$/.exec(line);
    if (!m) continue;
    const option = field.options?.find((o) => o.title === m[2]);
    if (option && !codes.includes(option.code)) codes.push(option.code);
  }
  return codes.join(';');
}

/**
 * A multiple dropdown's answer (`Befriending, Support for unpaid carers`) as option codes.
 * Titles may themselves contain `, `, so the longest title that fits is taken at each point.
 * Unknown pieces are returned for a plain-English problem.
 */
export function readChoices(
  answer: string,
  options: readonly { code: string; title: string }[],
): { codes: string[]; unknown: string[] } {
  const codes: string[] = [];
  const unknown: string[] = [];
  const sorted = [...options].sort((a, b) => b.title.length - a.title.length);
  let rest = answer.trim();
  while (rest !== '') {
    const match = sorted.find(
      (o) =>
        rest.toLowerCase().startsWith(o.title.toLowerCase()) &&
        /^(\s*,\s*|\s*$)/.test(rest.slice(o.title.length)),
    );
    if (match) {
      if (!codes.includes(match.code)) codes.push(match.code);
      rest = rest.slice(match.title.length).replace(/^\s*,\s*/, '');
      continue;
    }
    const comma = rest.indexOf(',');
    const piece = (comma < 0 ? rest : rest.slice(0, comma)).trim();
    const byCode = options.find((o) => o.code === piece);
    if (byCode) {
      if (!codes.includes(byCode.code)) codes.push(byCode.code);
    } else if (piece) unknown.push(piece);
    rest = comma < 0 ? '' : rest.slice(comma + 1).trim();
  }
  return { codes, unknown };
}
