import { describe, expect, it } from 'vitest';
import { describeContract, skeletonToken } from '../../scripts/lib/contracts/describeContract.ts';
import { fillContract } from '../../scripts/lib/contracts/fillContract.ts';
import { fixtureTemplate, realTemplate, realTitles } from '../support/contracts.ts';

describe('describeContract', () => {
  it('describes a template: facts, key details with blanks, parts and clauses', () => {
    const doc = describeContract(fixtureTemplate(), { titles: realTitles() });
    expect(doc.filled).toBe(false);
    expect(doc.guidance).toBe(true);
    expect(doc.facts).toEqual([
      { label: 'Template version', value: '1.1.0' },
      { label: 'Status', value: 'Published' },
      { label: 'Published', value: '1 April 2026' },
      { label: 'Replaces version', value: '1.0.0' },
      { label: 'Licence', value: 'Open Government Licence v3.0' },
    ]);
    expect(doc.notice).toBeUndefined();
    expect(doc.keyDetails[0]).toEqual({
      name: 'provider_name',
      label: "Provider's legal name",
      value: [{ kind: 'placeholder', name: 'provider_name', label: "Provider's legal name" }],
    });
    expect(doc.parts.map((p) => p.heading)).toEqual(['1 Term', '2 Payment', 'Schedule 1: Pricing']);
    expect(doc.parts[2]!.costLines[0]).toEqual({
      category: 'direct-staff',
      title: 'Direct staff costs',
      description: 'Pay and on-costs.',
    });
    expect(doc.parts[0]!.clauses[1]!.topics).toEqual([
      { code: 'term', title: 'Term and extension' },
    ]);
  });

  it('resolves cross-references to anchors, in clause text and in guidance', () => {
    const doc = describeContract(fixtureTemplate());
    const clause = doc.parts[1]!.clauses[0]!;
    expect(clause.paragraphs[0]!.filter((p) => p.kind === 'reference')).toEqual([
      { kind: 'reference', text: 'clause S1.1', anchor: 'clause-s1-1' },
      { kind: 'reference', text: 'clause S1.2', anchor: 'clause-s1-2' },
    ]);
    expect(doc.parts[0]!.clauses[1]!.guidance[0]).toContainEqual({
      kind: 'reference',
      text: 'Schedule 1',
      anchor: 'schedule-1',
    });
    expect(doc.parameters[1]!.guidance[0]).toContainEqual({
      kind: 'reference',
      text: 'clause 1.2',
      anchor: 'clause-1-2',
    });
  });

  it('says what a reader may do with a version that is not published', () => {
    const doc = describeContract(realTemplate('grant-agreement', '1.0.0'), {
      titles: realTitles(),
    });
    expect(doc.notice).toMatch(/^Pressure-testing: Being tried out/);
  });

  it('puts values in place of the placeholders, keeping line breaks, and hides guidance', () => {
    const t = fixtureTemplate();
    const filled = fillContract(t, {
      provider_name: 'Carers',
      term_years: 5,
      contract_value: '1000',
    });
    if (!filled.ok) throw new Error('fixture values are valid');
    const doc = describeContract(t, { contract: filled.contract });
    expect(doc.filled).toBe(true);
    expect(doc.guidance).toBe(false);
    expect(doc.parts[1]!.clauses[0]!.paragraphs[0]).toContainEqual({
      kind: 'value',
      name: 'contract_value',
      text: '£1,000',
      blank: false,
    });
    expect(doc.facts).toEqual([
      { label: 'Made from', value: 'Mini Contract, version 1.1.0 (published, 1 April 2026)' },
      { label: 'Licence', value: 'Open Government Licence v3.0' },
    ]);
  });

  it('points a long description in the key details to the clause that holds it', () => {
    const doc = describeContract(realTemplate('standard-services-contract', '1.1.0'));
    const detail = doc.keyDetails.find((d) => d.name === 'service_description')!;
    expect(detail.value).toEqual([
      { kind: 'text', text: 'Set out in ' },
      { kind: 'reference', text: 'clause S1.1', anchor: 'clause-s1-1' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('puts private-use markers where values go in a DOCX skeleton', () => {
    const doc = describeContract(fixtureTemplate(), { contract: 'skeleton' });
    expect(doc.parts[0]!.clauses[0]!.paragraphs[0]).toContainEqual({
      kind: 'value',
      name: 'provider_name',
      text: skeletonToken('provider_name'),
      blank: false,
    });
  });
});
