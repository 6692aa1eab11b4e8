import { describe, expect, it } from 'vitest';
import { describeContract } from '../../scripts/lib/contracts/describeContract.ts';
import { listClauses } from '../../scripts/lib/contracts/listClauses.ts';
import { fillContract } from '../../scripts/lib/contracts/fillContract.ts';
import {
  escapeHtml,
  renderContractArticle,
  renderContractHtml,
  renderContractParts,
  renderContractToc,
} from '../../scripts/lib/contracts/renderContractHtml.ts';
import {
  SERVICES_VALUES,
  fixtureTemplate,
  hostileTemplate,
  realTemplate,
  realTitles,
} from '../support/contracts.ts';

const services = realTemplate('standard-services-contract', '1.1.0');

describe('renderContractHtml', () => {
  it('makes a standalone document with a contents list whose every link has a target', () => {
    const html = renderContractHtml(services, { titles: realTitles() });
    expect(html.startsWith('<!doctype html>\n<html lang="en-GB">')).toBe(true);
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const links = [...html.matchAll(/ href="#([^"]+)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(100);
    expect(links.filter((l) => !ids.has(l))).toEqual([]);
    // One anchor per clause, in order.
    const clauses = [...html.matchAll(/<div class="clause" id="(clause-[^"]+)"/g)].map((m) => m[1]);
    expect(clauses).toHaveLength(
      listClauses(realTemplate('standard-services-contract', '1.1.0')).length,
    );
    expect(new Set(clauses).size).toBe(clauses.length);
    expect(clauses.slice(0, 3)).toEqual(['clause-1-1', 'clause-1-2', 'clause-1-3']);
    expect(html).toContain('<h3><span class="contract-number">7.7</span> ');
  });

  it('shows HTML in clause text and headings as text', () => {
    const html = renderContractHtml(hostileTemplate());
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;friends&quot;');
    expect(html).not.toMatch(/<script|<img/);
  });

  it('shows blanks in a template and values in a filled contract, escaped', () => {
    const blank = renderContractHtml(services);
    expect(blank).toContain(
      '<span class="placeholder" data-parameter="start_date">[Start date]</span>',
    );
    const filled = fillContract(services, {
      ...SERVICES_VALUES,
      provider_name: '<b>"Carers" & Co</b>',
    });
    if (!filled.ok) throw new Error('values are valid');
    const html = renderContractHtml(services, { contract: filled.contract, titles: realTitles() });
    expect(html).not.toContain('class="placeholder"');
    expect(html).toContain('&lt;b&gt;&quot;Carers&quot; &amp; Co&lt;/b&gt;');
    expect(html).toContain(
      '<span class="value value--blank" data-parameter="provider_charity_number">not applicable</span>',
    );
    expect(html).toContain('Advice and support for unpaid carers.</span><br><span class="value"');
    // A filled contract is the contract: no guidance notes, no version history.
    expect(html).not.toContain('class="guidance"');
    expect(html).not.toContain('Version history');
  });

  it('escapes every character that could end an attribute or start a tag', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\``)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;',
    );
  });
});

describe('the pieces a page lays out', () => {
  const doc = describeContract(fixtureTemplate(), { titles: realTitles() });

  it('puts topics on clauses and parts for the topic filter, and guidance in a note', () => {
    const html = renderContractParts(doc, { topics: true, level: 2 });
    expect(html).toContain('<div class="clause" id="clause-2-1" data-topics="payment pricing">');
    expect(html).toContain('data-topics="pricing risk-allocation"');
    expect(html).toContain('<p class="clause__topics">Topics: Payment, Pricing</p>');
    expect(html).toContain(
      '<div class="guidance" role="note" aria-label="Guidance on clause 1.2">',
    );
    expect(html).toContain('<h3>1 Term</h3>');
    expect(html).toContain('<h4><span class="contract-number">1.1</span> Parties</h4>');
  });

  it('lists the clauses in the contents when asked, with extra links before and after', () => {
    const html = renderContractToc(doc, {
      clauses: true,
      before: [{ anchor: 'parameters', title: 'What you fill in' }],
    });
    expect(html).toContain('<li><a href="#parameters">What you fill in</a></li>');
    expect(html).toContain(
      '<li data-topics="term"><a href="#clause-1-2"><span class="contract-number">1.2</span> Term</a></li>',
    );
  });

  it('keeps the heading outline in order at any level', () => {
    const html = renderContractArticle(doc, { level: 3 });
    const levels = [...html.matchAll(/<h(\d)/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(3);
    for (let i = 1; i < levels.length; i++)
      expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
  });
});
