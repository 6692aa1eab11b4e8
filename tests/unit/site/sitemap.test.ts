import { describe, expect, it } from 'vitest';
import { buildSitemaps, pagePathFromFile } from '../../../scripts/publish/site/sitemap.ts';

describe('pagePathFromFile', () => {
  it('turns index files into folder addresses and skips the 404 page', () => {
    expect(pagePathFromFile('index.html')).toBe('');
    expect(pagePathFromFile('providers/P000001/index.html')).toBe('providers/P000001/');
    expect(pagePathFromFile('about.html')).toBe('about.html');
    expect(pagePathFromFile('404.html')).toBeUndefined();
    expect(pagePathFromFile('providers/P000001.json')).toBeUndefined();
  });
});

describe('buildSitemaps', () => {
  it('writes one sorted, escaped urlset when under the limit', () => {
    const [file, ...rest] = buildSitemaps('https://x.example/', [
      'https://x.example/b/',
      'https://x.example/a/?x=1&y=2',
    ]);
    expect(rest).toEqual([]);
    expect(file!.path).toBe('sitemap.xml');
    expect(file!.contents).toContain(
      '<url><loc>https://x.example/a/?x=1&amp;y=2</loc></url>\n<url><loc>https://x.example/b/</loc></url>',
    );
  });
  it('splits into a sitemap index over the limit', () => {
    const urls = Array.from({ length: 5 }, (_, i) => `https://x.example/${i}/`);
    const files = buildSitemaps('https://x.example/', urls, 2);
    expect(files.map((f) => f.path)).toEqual([
      'sitemap.xml',
      'sitemaps/sitemap-1.xml',
      'sitemaps/sitemap-2.xml',
      'sitemaps/sitemap-3.xml',
    ]);
    expect(files[0]!.contents).toContain('<sitemapindex');
    expect(files[0]!.contents).toContain('<loc>https://x.example/sitemaps/sitemap-3.xml</loc>');
  });
});
