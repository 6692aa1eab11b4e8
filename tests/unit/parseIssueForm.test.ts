import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applicationForm } from '../../scripts/github/buildIssueForms.ts';
import { parseIssueForm, readChoices } from '../../scripts/github/parseIssueForm.ts';
import { readDataDir } from '../../scripts/io/registerFolder.ts';
import { loadRegister } from '../../scripts/lib/loadRegister.ts';
import { ROOT } from '../support/register.ts';
import { issueFormBody } from '../helpers/issueFormBody.ts';

const form = applicationForm(loadRegister(await readDataDir(join(ROOT, 'data'))));
const answers = {
  name: 'Juniper',
  legal_form: 'charitable-company',
  services: ['befriending', 'carers-support'],
  declaration: [true, true],
};

describe('parseIssueForm', () => {
  it('reads each answer under its heading, empty for _No response_', () => {
    const parsed = parseIssueForm(issueFormBody(form, answers), form);
    expect(parsed.answers.get('name')).toBe('Juniper');
    expect(parsed.answers.get('legal_form')).toBe('Charitable company');
    expect(parsed.answers.get('services')).toBe('Befriending, Support for unpaid carers');
    expect(parsed.answers.get('website')).toBe('');
    expect(parsed.answers.get('declaration')).toBe('authorised;public');
    // Required answers left empty are problems, all reported together.
    expect(parsed.problems.map((p) => p.field)).toContain('Postcode');
    expect(parsed.problems.every((p) => !p.layout)).toBe(true);
  });

  it('copes with Windows line endings and multi-line answers', () => {
    const body = issueFormBody(form, { ...answers, description: 'Line one.\nLine two.' }).replace(
      /\n/g,
      '\r\n',
    );
    expect(parseIssueForm(body, form).answers.get('description')).toBe(
      'Line one.\r\nLine two.'.replace(/\r/g, ''),
    );
  });

  it('refuses a heading typed into an answer, rather than guess which answer is real', () => {
    const body = issueFormBody(form, { ...answers, description: 'Hello\n### Postcode\nSW1A 1AA' });
    const parsed = parseIssueForm(body, form);
    expect(parsed.problems).toEqual([expect.objectContaining({ field: 'Postcode', layout: true })]);
    expect(parsed.answers.size).toBe(0);
  });

  it('notices a question removed, answers reordered, and an unticked declaration', () => {
    const body = issueFormBody(form, answers);
    expect(
      parseIssueForm(body.replace('### Town or city', '### Town'), form).problems.find(
        (p) => p.layout,
      ),
    ).toMatchObject({ field: 'Town or city', layout: true });
    const [first, second, ...rest] = body.split('\n\n### ');
    expect(
      parseIssueForm(
        [second, first!.replace(/^### /, ''), ...rest]
          .map((p, i) => (i === 0 ? `### ${p}` : p))
          .join('\n\n### '),
        form,
      ).problems.find((p) => p.layout)!.message,
    ).toMatch(/not in the order/);
    const unticked = parseIssueForm(
      issueFormBody(form, { ...answers, declaration: [true, false] }),
      form,
    );
    expect(unticked.problems.map((p) => p.message)).toContain(
      'Please tick every box of the declaration.',
    );
  });
});

describe('readChoices', () => {
  const options = [
    { code: 'a', title: 'Adults (18 to 64)' },
    { code: 'b', title: 'Care, at home' },
    { code: 'c', title: 'Care' },
  ];
  it('splits on commas, but keeps titles that contain one whole', () => {
    expect(readChoices('Care, at home, Adults (18 to 64)', options)).toEqual({
      codes: ['b', 'a'],
      unknown: [],
    });
    expect(readChoices('Care', options)).toEqual({ codes: ['c'], unknown: [] });
    expect(readChoices('care, a, Nonsense', options)).toEqual({
      codes: ['c', 'a'],
      unknown: ['Nonsense'],
    });
  });
});
