import { describe, expect, it } from 'vitest';
import { codeSpan, escapeMarkdown, link, oneLine, truncate } from '../../scripts/lib/markdown.ts';

describe('escapeMarkdown', () => {
  it('leaves plain words alone', () => {
    expect(escapeMarkdown('Wayfarer Carers Support CIO')).toBe('Wayfarer Carers Support CIO');
  });

  it('neutralises mentions, references, HTML, links, images and emphasis', () => {
    const out = escapeMarkdown(
      '@team #12 <!-- x --> <img src=x> [a](https://e.example) ![i](u) **b** _c_ `d` | e',
    );
    expect(out).not.toMatch(/@team|#12|<!--|<img|\]\(|!\[|\*\*b|`d`/);
    expect(out).toContain('@&#8203;team');
    expect(out).toContain('#&#8203;12');
    expect(out).toContain('&lt;\\!\\-\\- x \\-\\-&gt;');
    expect(out).toContain('\\|');
  });

  it('keeps everything on one line, so no heading or list can start', () => {
    const out = escapeMarkdown('a\n### b\r\n- c\u2028d');
    expect(out).not.toMatch(/[\n\r\u2028]/);
    expect(out).toBe('a #&#8203;#&#8203;#&#8203; b \\- c d');
  });

  it('breaks bare links and www. autolinks', () => {
    expect(escapeMarkdown('see https://evil.example or www.evil.example')).not.toMatch(
      /https:\/\/|www\./,
    );
  });

  it('truncates by code points', () => {
    expect(escapeMarkdown('😀'.repeat(10), 4)).toBe('😀😀😀…');
  });
});

describe('codeSpan', () => {
  it('fences values containing backticks with a longer fence', () => {
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
  });
  it('escapes table pipes, collapses lines, marks empty values', () => {
    expect(codeSpan('a|b\nc')).toBe('`a\\|b c`');
    expect(codeSpan('  ')).toBe('*(empty)*');
  });
});

describe('link', () => {
  it('links only plain https URLs', () => {
    expect(link('run', 'https://github.com/o/r/actions/runs/1')).toBe(
      '[run](https://github.com/o/r/actions/runs/1)',
    );
    expect(link('x', 'javascript:alert(1)')).toBe('x');
    expect(link('x', 'https://e.example/a b')).toBe('x');
    expect(link('x', 'https://e.example/"onmouseover')).toBe('x');
  });
});

describe('small helpers', () => {
  it('oneLine and truncate', () => {
    expect(oneLine(' a \t\n b ')).toBe('a b');
    expect(truncate('abcdef', 4)).toBe('abc…');
  });
});
