import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw, safeHttpUrl } from '../../../scripts/publish/kit/html.ts';

describe('escapeHtml', () => {
  it('escapes the characters that end text or attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&\`</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;',
    );
  });
  it('leaves plain text alone and turns nullish into empty', () => {
    expect(escapeHtml('Harbour Carers Trust')).toBe('Harbour Carers Trust');
    expect(escapeHtml(undefined)).toBe('');
  });
});

describe('html', () => {
  it('escapes every interpolated value', () => {
    const name = '<img src=x onerror=alert(1)>';
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;img src=x onerror=alert(1)&gt;">&lt;img src=x onerror=alert(1)&gt;</p>',
    );
  });
  it('nests safe markup and joins arrays, dropping null, undefined and false', () => {
    const items = ['a<b', 'c'].map((x) => html`<li>${x}</li>`);
    const list = html`<ul>${items}${false}${null}${undefined}</ul>`;
    expect(list.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
  });
  it('inserts raw() markup unchanged', () => {
    expect(html`${raw('<br>')}`.value).toBe('<br>');
  });
});

describe('safeHttpUrl', () => {
  it('allows only absolute http(s) addresses', () => {
    expect(safeHttpUrl('https://www.example.org/a?b=1')).toBe('https://www.example.org/a?b=1');
    expect(safeHttpUrl('http://example.org')).toBe('http://example.org/');
    for (const bad of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,<script>',
      '//evil.example',
      '/relative',
      'mailto:a@b.c',
      'not a url',
      '',
      undefined,
    ]) {
      expect(safeHttpUrl(bad)).toBeUndefined();
    }
  });
});
