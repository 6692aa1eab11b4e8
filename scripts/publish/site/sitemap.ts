/**
 * sitemap.xml from the list of published pages. The protocol allows 50,000 addresses per
 * file, and a 50,000-provider register publishes over 100,000 pages, so above the limit
 * `sitemap.xml` becomes a sitemap index pointing at numbered files in `sitemaps/`.
 */
import { escapeXml } from '../kit/html.ts';

export const MAX_URLS_PER_SITEMAP = 50_000;

export interface SitemapFile {
  /** Relative to the site root. */
  path: string;
  contents: string;
}

/** `pageUrls` are absolute; `siteUrl` ends with `/`. Addresses are sorted for stable output. */
export function buildSitemaps(
  siteUrl: string,
  pageUrls: readonly string[],
  limit = MAX_URLS_PER_SITEMAP,
): SitemapFile[] {
  const urls = [...new Set(pageUrls)].sort();
  const urlset = (list: readonly string[]) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${list
      .map((u) => `<url><loc>${escapeXml(u)}</loc></url>\n`)
      .join('')}</urlset>\n`;
  if (urls.length <= limit) return [{ path: 'sitemap.xml', contents: urlset(urls) }];
  const files: SitemapFile[] = [];
  for (let i = 0; i < urls.length; i += limit) {
    files.push({
      path: `sitemaps/sitemap-${files.length + 1}.xml`,
      contents: urlset(urls.slice(i, i + limit)),
    });
  }
  const index = `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${files
    .map((f) => `<sitemap><loc>${escapeXml(siteUrl + f.path)}</loc></sitemap>\n`)
    .join('')}</sitemapindex>\n`;
  return [{ path: 'sitemap.xml', contents: index }, ...files];
}

/** The address of a page from its file: `a/index.html` is `a/`, `a/b.html` stays. */
export function pagePathFromFile(file: string): string | undefined {
  if (!file.endsWith('.html')) return undefined;
  if (file === '404.html' || file.endsWith('/404.html')) return undefined;
  if (file === 'index.html') return '';
  return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}
