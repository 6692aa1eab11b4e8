import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { fillContract } from '../../scripts/lib/contracts/fillContract.ts';
import { listClauses, listParts } from '../../scripts/lib/contracts/listClauses.ts';
import {
  renderContractDocx,
  renderContractDocxParts,
} from '../../scripts/lib/contracts/renderContractDocx.ts';
import {
  SERVICES_VALUES,
  hostileTemplate,
  realTemplate,
  realTitles,
} from '../support/contracts.ts';

const services = realTemplate('standard-services-contract', '1.1.0');
const headings = (html: string, level: number) =>
  [...html.matchAll(new RegExp(`<h${level}>(?:<a id="[^"]*"></a>)*([^<]*)</h${level}>`, 'g'))].map(
    (m) => m[1],
  );

describe('renderContractDocx', () => {
  it('opens, and holds every part and clause heading, in order, as real headings', async () => {
    const docx = await renderContractDocx(services, { titles: realTitles() });
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(docx) });
    expect(headings(html, 1)).toEqual([
      'Key details',
      ...listParts(services).map((p) => p.title),
      'Version history',
      'Execution',
    ]);
    expect(headings(html, 2)).toEqual(listClauses(services).map((c) => c.heading));
    // Each heading is a bookmark that cross-references link to.
    expect(html).toContain('<h2><a id="clause_7_7"></a>');
    expect(html).toContain('<a href="#clause_7_7">clause 7.7</a>');
  });

  it("numbers sections and clauses with Word's own numbering, matching the template's numbers", async () => {
    const zip = await JSZip.loadAsync(await renderContractDocx(services));
    const numbering = await zip.file('word/numbering.xml')!.async('string');
    for (const text of ['%1', '%1.%2', 'Schedule %1:', 'S%1.%2']) {
      expect(numbering).toContain(`<w:lvlText w:val="${text}"/>`);
    }
    const document = await zip.file('word/document.xml')!.async('string');
    // Walk the numbered headings the way Word counts them, and compare with the template.
    const counters = new Map<string, number[]>();
    const printed: string[] = [];
    const numIds = new Map<string, string>();
    for (const m of document.matchAll(
      /<w:pStyle w:val="Heading(\d)"\/>(?:<w:pageBreakBefore\/>)?<w:numPr><w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/>/g,
    )) {
      const [, , level, numId] = m as unknown as [string, string, string, string];
      if (!numIds.has(numId)) numIds.set(numId, numIds.size === 0 ? '' : 'S');
      const count = counters.get(numId) ?? [0, 0];
      if (level === '0') counters.set(numId, [count[0]! + 1, 0]);
      else counters.set(numId, [count[0]!, count[1]! + 1]);
      const [a, b] = counters.get(numId)!;
      if (level === '1') printed.push(`${numIds.get(numId)}${a}.${b}`);
    }
    expect(printed).toEqual(listClauses(services).map((c) => c.number));
  });

  it('has a table of contents Word can update, already filled in with the numbered parts', async () => {
    const zip = await JSZip.loadAsync(await renderContractDocx(services));
    const document = await zip.file('word/document.xml')!.async('string');
    expect(document).toMatch(/TOC \\o &quot;1-1&quot; \\h|TOC \\h \\o &quot;1-1&quot;|TOC[^<]*\\o/);
    expect(document).toContain('7 Risk allocation and change in law');
    expect(document).toContain('Schedule 2: Pricing');
  });

  it('is the same bytes every time', async () => {
    const a = await renderContractDocx(services);
    const b = await renderContractDocx(services);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('fills in values, escaped, and leaves no markers behind', async () => {
    const filled = fillContract(services, {
      ...SERVICES_VALUES,
      provider_name: '<w:t>Carers & "Co"</w:t> ]]>',
    });
    if (!filled.ok) throw new Error('values are valid');
    const docx = await renderContractDocx(services, {
      contract: filled.contract,
      titles: realTitles(),
    });
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(docx) });
    expect(text).toContain(
      'The Commissioner will pay the Provider £125,000 for each contract year',
    );
    expect(text).toContain('<w:t>Carers & "Co"</w:t> ]]>');
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(docx) });
    expect(html).toContain(
      'Advice and support for unpaid carers.<br />One-to-one support and groups.',
    );
    expect(text).not.toMatch(/[\uE000\uE001]|\{\{|\[Start date\]/);
    expect(text).not.toContain('Guidance for commissioners');
    const zip = await JSZip.loadAsync(docx);
    expect(await zip.file('word/document.xml')!.async('string')).toContain(
      '&lt;w:t&gt;Carers &amp; &quot;Co&quot;',
    );
  });

  it('shows HTML in a template as text', async () => {
    const { value } = await mammoth.extractRawText({
      buffer: Buffer.from(await renderContractDocx(hostileTemplate())),
    });
    expect(value).toContain('<script>alert(1)</script>');
  });

  it('keeps a skeleton small enough to send to the browser', async () => {
    const skeleton = await renderContractDocxParts(services, { skeleton: true });
    expect(skeleton.parts.every((p) => p.text !== undefined)).toBe(true);
    expect(JSON.stringify(skeleton).length).toBeLessThan(400_000);
    expect(skeleton.parts.find((p) => p.path === 'docProps/core.xml')!.text).toContain(
      '2026-04-01T00:00:00Z',
    );
  });
});
