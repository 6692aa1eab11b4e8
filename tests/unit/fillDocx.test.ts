import { describe, expect, it } from 'vitest';
import {
  docxRunText,
  fillDocxSkeleton,
  fillDocxXml,
} from '../../scripts/lib/contracts/fillDocx.ts';
import { skeletonToken } from '../../scripts/lib/contracts/describeContract.ts';
import type { FilledContract } from '../../scripts/lib/contracts/fillContract.ts';

const contract: FilledContract = {
  id: 'x',
  version: '1.0.0',
  values: new Map([
    ['name', { value: 'A & <B>', text: 'A & <B> $& $1', blank: false }],
    ['lines', { value: 'one\ntwo', text: 'one\ntwo', blank: false }],
  ]),
};

describe('fillDocxXml', () => {
  it('puts each value in place of its marker, escaped for XML, exactly once', () => {
    const xml = `<w:t xml:space="preserve">Hello ${skeletonToken('name')}!</w:t>`;
    expect(fillDocxXml(xml, contract)).toBe(
      '<w:t xml:space="preserve">Hello A &amp; &lt;B&gt; $&amp; $1!</w:t>',
    );
  });

  it('turns line breaks into Word line breaks', () => {
    expect(docxRunText('one\ntwo')).toBe('one</w:t><w:br/><w:t xml:space="preserve">two');
  });

  it('leaves nothing for a marker it has no value for', () => {
    expect(fillDocxXml(`a${skeletonToken('missing')}b`, contract)).toBe('ab');
  });
});

describe('fillDocxSkeleton', () => {
  it('fills text parts and decodes binary ones', () => {
    const entries = fillDocxSkeleton(
      {
        id: 'x',
        version: '1.0.0',
        parts: [
          { path: 'word/document.xml', text: skeletonToken('lines') },
          { path: 'media/a.bin', base64: 'AAEC' },
        ],
      },
      contract,
    );
    expect(new TextDecoder().decode(entries[0]!.data)).toBe(
      'one</w:t><w:br/><w:t xml:space="preserve">two',
    );
    expect([...entries[1]!.data]).toEqual([0, 1, 2]);
  });
});

describe('a filled DOCX with a cost statement', () => {
  it('has the statement as a table in the pricing schedule and ends with the execution block', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const mammoth = (await import('mammoth')).default;
    const { renderContractDocx } =
      await import('../../scripts/lib/contracts/renderContractDocx.ts');
    const { fillContract } = await import('../../scripts/lib/contracts/fillContract.ts');
    const { readCostStatement } = await import('../../scripts/lib/costs/costStatement.ts');
    const { realTemplate, realTitles } = await import('../support/contracts.ts');
    const { ROOT } = await import('../support/register.ts');
    const template = realTemplate('short-form-contract', '1.0.0');
    const titles = realTitles();
    const published = JSON.parse(
      readFileSync(join(ROOT, 'data/cost-statements/P000001-carers-breaks.json'), 'utf8'),
    );
    const statement = readCostStatement(published, titles.costCategories);
    if (!statement.ok) throw new Error('the published statement does not read');
    const given: Record<string, string> = { provider_charity_number: '1100001', term_years: '3' };
    const values = Object.fromEntries(
      template.parameters.map((p) => [
        p.name,
        p.type === 'date'
          ? '2026-04-01'
          : p.type === 'integer'
            ? '6'
            : p.type === 'money'
              ? '1000'
              : p.type === 'choice'
                ? p.constraints!.options![0]
                : 'Trafford & <Carers>',
      ]),
    );
    const filled = fillContract(template, { ...values, ...given });
    if (!filled.ok) throw new Error(JSON.stringify(filled.errors));
    const sha = 'ab'.repeat(32);
    const docx = await renderContractDocx(template, {
      titles,
      templateSha256: sha,
      contract: {
        ...filled.contract,
        costStatement: statement.statement,
        addresses: { provider_name: '218 North Street, Chipping Norton, OX7 6BQ' },
      },
    });
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(docx) });
    // The statement's lines, then its full cost and price per session, as table rows.
    expect(html).toContain(
      '<tr><td><p><strong>Premises costs</strong></p></td><td><p>Share of floor area</p></td><td><p>£6,300</p></td></tr>',
    );
    expect(html).toMatch(
      /Full cost<\/strong><\/p><\/td><td><p>1,200 sessions a year<\/p><\/td><td><p><strong>£127,076\.25/,
    );
    expect(html).toMatch(/Price per session<\/strong>.*£105\.90/);
    const tail = html.slice(html.lastIndexOf('<h1'));
    expect(tail).toMatch(/^<h1>(<a [^>]*><\/a>)?Execution<\/h1>/);
    expect(tail).toContain('Signed for the Provider: </strong>Trafford &amp; &lt;Carers&gt;');
    expect(tail).toContain('Address: 218 North Street, Chipping Norton, OX7 6BQ');
    expect(tail).toContain(
      `SHA-256 of the published template (short-form-contract-1.0.0.json): ${sha}`,
    );
    expect(html).not.toMatch(/[\uE000-\uF8FF]/);
  });
});
