import { describe, expect, it } from 'vitest';
import { fillContract } from '../../scripts/lib/contracts/fillContract.ts';
import { listClauses } from '../../scripts/lib/contracts/listClauses.ts';
import {
  escapeMarkdown,
  headingSlug,
  renderContractMarkdown,
} from '../../scripts/lib/contracts/renderContractMarkdown.ts';
import {
  fixtureTemplate,
  hostileTemplate,
  realTemplate,
  realTitles,
} from '../support/contracts.ts';

describe('renderContractMarkdown', () => {
  it('has a heading per part and per clause, in order, and a contents list that links them', () => {
    const md = renderContractMarkdown(realTemplate('standard-services-contract', '1.1.0'), {
      titles: realTitles(),
    });
    const clauses = [...md.matchAll(/^### (\S+) /gm)].map((m) => m[1]);
    expect(clauses).toHaveLength(
      listClauses(realTemplate('standard-services-contract', '1.1.0')).length,
    );
    expect(clauses.slice(-2)).toEqual(['S6.3', 'S6.4']);
    expect(md).toContain('- [Schedule 2: Pricing](#schedule-2-pricing)');
    expect(md).toContain('## Schedule 2: Pricing');
    expect(md).toContain('| Direct staff costs | ');
    expect(md).toContain('> **Guidance for commissioners:** ');
    expect(md).toContain('**\\[Start date\\]**');
  });

  it('escapes markup in template text and in values, so it prints as typed', () => {
    const md = renderContractMarkdown(hostileTemplate());
    expect(md).toContain('### 1.1 \\<script\\>alert\\(1\\)\\</script\\>');
    const t = fixtureTemplate();
    const filled = fillContract(t, {
      provider_name: '# [x](javascript:alert(1)) *y* | z',
      term_years: 5,
      contract_value: 1,
    });
    if (!filled.ok) throw new Error('values are valid');
    const filledMd = renderContractMarkdown(t, { contract: filled.contract });
    expect(filledMd).toContain(
      'This contract is with \\# \\[x\\]\\(javascript:alert\\(1\\)\\) \\*y\\* \\| z.',
    );
    expect(filledMd).toContain("| Provider's legal name | \\# \\[x\\]");
  });

  it('escapes what would start a list or heading at the start of a line', () => {
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('# title')).toBe('\\# title');
    expect(escapeMarkdown('a\nb')).toBe('a b');
  });

  it('slugs headings as GitHub does', () => {
    expect(headingSlug('Schedule 2: Pricing')).toBe('schedule-2-pricing');
    expect(headingSlug('10 Staff, volunteers and TUPE')).toBe('10-staff-volunteers-and-tupe');
  });
});

describe('the execution block', () => {
  it('ends every Markdown contract, with the template, version and SHA-256', () => {
    const template = realTemplate('standard-services-contract', '1.1.0');
    const md = renderContractMarkdown(template, {
      titles: realTitles(),
      templateSha256: 'cd'.repeat(32),
    });
    const tail = md.slice(md.lastIndexOf('\n## '));
    expect(tail.startsWith('\n## Execution\n')).toBe(true);
    expect(tail).toContain("**Signed for the Commissioner: **\\[Commissioner's legal name\\]****");
    expect(tail).toContain('Signature: ______________________________');
    expect(tail).toContain(
      `SHA-256 of the published template \\(standard-services-contract-1.1.0.json\\): ${'cd'.repeat(32)}`,
    );
  });
});
