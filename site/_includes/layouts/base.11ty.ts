/**
 * The `base` layout for Eleventy pages (Nunjucks, Markdown or JavaScript). Front matter:
 *   title        required: the page's subject, used in <title> (write the <h1> in the page)
 *   section      the NAV section to mark as current (scripts/publish/kit/nav.ts)
 *   description  one sentence for search engines
 *   breadcrumbs  [{ title, path }] with paths relative to the site root ("data/")
 *   scripts      files under assets/ to load as modules (["contracts.js"])
 *   bodyClass    a class on <body>
 * It renders through the same renderPage function as the record pages.
 */
import { raw } from '../../../scripts/publish/kit/html.ts';
import { renderPage, type Crumb } from '../../../scripts/publish/kit/layout.ts';
import type { SiteInfo } from '../../../scripts/publish/kit/siteInfo.ts';

interface LayoutData {
  content: string;
  site: SiteInfo;
  title?: string;
  section?: string;
  description?: string;
  breadcrumbs?: Crumb[];
  scripts?: string[];
  bodyClass?: string;
  noindex?: boolean;
  page: { url: string | false };
}

export default class BaseLayout {
  render(data: LayoutData): string {
    if (!data.title) throw new Error(`${String(data.page.url)}: the base layout needs a title`);
    return renderPage(data.site, {
      title: data.title,
      path: typeof data.page.url === 'string' ? data.page.url.replace(/^\/+/, '') : '',
      body: raw(data.content),
      section: data.section,
      description: data.description,
      breadcrumbs: data.breadcrumbs,
      scripts: data.scripts,
      bodyClass: data.bodyClass,
      noindex: data.noindex,
    });
  }
}
