import { describe, expect, it } from 'vitest';
import {
  diffContractVersions,
  diffText,
} from '../../scripts/lib/contracts/diffContractVersions.ts';
import { fixtureTemplate, realTemplate } from '../support/contracts.ts';

const v1 = realTemplate('standard-services-contract', '1.0.0');
const v2 = realTemplate('standard-services-contract', '1.1.0');

describe('diffContractVersions on the standard services contract', () => {
  const diff = diffContractVersions(v1, v2);

  it('lists exactly the clauses added, removed and changed', () => {
    expect(diff.summary).toEqual({
      added: ['7.7'],
      removed: ['4.6'],
      changed: ['5.3', '5.6', '14.1', 'S3.2'],
    });
    expect(
      diff.clauses
        .filter((c) => c.change !== 'unchanged')
        .map((c) => [c.number, c.change, c.fields]),
    ).toEqual([
      ['4.6', 'removed', []],
      ['5.3', 'changed', ['text', 'guidance']],
      ['5.6', 'changed', ['text']],
      ['7.7', 'added', []],
      ['14.1', 'changed', ['text', 'guidance']],
      ['S3.2', 'changed', ['text']],
    ]);
  });

  it('diffs the words inside a changed clause', () => {
    const c = diff.clauses.find((x) => x.number === '5.6')!;
    expect(c.text!.filter((w) => w.kind === 'removed').map((w) => w.text)).toEqual([
      'not ',
      'unless the parties agree',
    ]);
    expect(c.text!.filter((w) => w.kind === 'added').map((w) => w.text)).toEqual([
      'only under clause 7.7 or by',
      'agreed ',
    ]);
    // The words on each side rebuild the text of each version.
    const side = (kind: 'added' | 'removed') =>
      c
        .text!.filter((w) => w.kind !== kind)
        .map((w) => w.text)
        .join('');
    expect(side('added')).toBe(c.before!.text);
    expect(side('removed')).toBe(c.after!.text);
  });

  it('lists the parameters added and changed, and the facts', () => {
    expect(diff.parameters.map((p) => [p.change, p.name, p.fields])).toEqual([
      ['changed', 'payment_days', ['label', 'constraints', 'guidance']],
      ['added', 'demand_threshold_percent', []],
      ['changed', 'notice_period_months', ['constraints', 'guidance']],
    ]);
    expect(diff.facts.map((f) => f.field)).toEqual(['status', 'published_on', 'supersedes']);
    expect(diff.parts).toEqual([]);
  });

  it('runs the other way too', () => {
    expect(diffContractVersions(v2, v1).summary).toEqual({
      added: ['4.6'],
      removed: ['7.7'],
      changed: ['5.3', '5.6', '14.1', 'S3.2'],
    });
  });

  it('finds nothing between a version and itself', () => {
    const same = diffContractVersions(v2, v2);
    expect(same.summary).toEqual({ added: [], removed: [], changed: [] });
    expect(same.parameters).toEqual([]);
  });
});

describe('diffContractVersions when clauses move', () => {
  it('shows a clause that moved up a number as renumbered, not every later clause as changed', () => {
    const before = fixtureTemplate();
    const after = fixtureTemplate();
    after.sections[0]!.clauses.splice(0, 1);
    after.sections[0]!.clauses[0]!.number = '1.1';
    const diff = diffContractVersions(before, after);
    expect(diff.summary).toEqual({ added: [], removed: ['1.1'], changed: ['1.1'] });
    const moved = diff.clauses.find((c) => c.change === 'changed')!;
    expect([moved.renumbered, moved.before!.number, moved.after!.number, moved.fields]).toEqual([
      true,
      '1.2',
      '1.1',
      [],
    ]);
  });

  it('matches a clause whose heading changed by its number', () => {
    const after = fixtureTemplate();
    after.sections[1]!.clauses[0]!.heading = 'Price and payment';
    const diff = diffContractVersions(fixtureTemplate(), after);
    expect(diff.summary.changed).toEqual(['2.1']);
    expect(diff.clauses.find((c) => c.number === '2.1')!.fields).toEqual(['heading']);
  });

  it('reports retitled parts, changed cost lines and changed topics', () => {
    const after = fixtureTemplate();
    after.schedules[0]!.title = 'Price build-up';
    after.schedules[0]!.cost_lines![0]!.description = 'Pay, on-costs and training.';
    after.schedules[0]!.clauses[0]!.topics = ['pricing', 'payment'];
    const diff = diffContractVersions(fixtureTemplate(), after);
    expect(
      diff.parts.map((p) => [
        p.kind,
        p.number,
        p.change,
        p.costLines.map((l) => [l.category, l.change]),
      ]),
    ).toEqual([['schedule', '1', 'changed', [['direct-staff', 'changed']]]]);
    expect(diff.clauses.find((c) => c.number === 'S1.1')!.topics).toEqual({
      added: ['payment'],
      removed: [],
    });
  });
});

describe('diffText', () => {
  it('diffs word by word', () => {
    expect(diffText('pay in arrears', 'pay in advance')).toEqual([
      { kind: 'same', text: 'pay in ' },
      { kind: 'removed', text: 'arrears' },
      { kind: 'added', text: 'advance' },
    ]);
  });
});
