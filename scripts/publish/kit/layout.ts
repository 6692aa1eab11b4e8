/**
 * The page shell every HTML page shares: skip link, header, main navigation, breadcrumbs,
 * footer. It is a plain function so the 50,000 record pages can call it directly (fast),
 * and the Eleventy layout `base` calls the same function for every other page.
 */
import { serializeJsonLd } from '../../lib/jsonLd.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { NAV } from './nav.ts';
import type { SiteInfo } from './siteInfo.ts';
import { absoluteUrl, href, paths } from './urls.ts';
import { formatDate } from './format.ts';

export interface Crumb {
  title: string;
  /** Relative to the site root, as in urls.ts. */
  path: string;
}

export interface PageOptions {
  /** The page's subject; the document title is "<title> – Kitemark Register". */
  title: string;
  /** The page's own address relative to the site root (for example `providers/P000001/`). */
  path: string;
  body: SafeHtml;
  /** The NAV section to mark as current. */
  section?: string | undefined;
  /** One sentence for search engines and link previews. */
  description?: string | undefined;
  /** Links above the heading; "Home" is added in front. */
  breadcrumbs?: Crumb[] | undefined;
  /** Scripts under `assets/` to load as modules, for example `['search.js']`. */
  scripts?: string[] | undefined;
  /** Other formats of the same page, such as its JSON twin. */
  alternates?: { type: string; path: string; title: string }[] | undefined;
  /** Keep the page out of search engines (the 404 page). */
  noindex?: boolean | undefined;
  /** Extra class on <body>, for page-specific print and screen styles. */
  bodyClass?: string | undefined;
  /** Structured data about the page (schema.org JSON-LD), for search engines. */
  jsonLd?: Record<string, unknown> | undefined;
}

/**
 * Pages may load scripts and styles only from the site itself: no inline script or style, so
 * a data value that slipped past escaping still could not run.
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'";

export function renderPage(site: SiteInfo, page: PageOptions): string {
  const url = (path: string) => href(site, path);
  const crumbs = page.breadcrumbs?.length
    ? html`<nav class="breadcrumbs" aria-label="Breadcrumb">
        <ol>
          <li><a href="${url(paths.home)}">Home</a></li>
          ${page.breadcrumbs.map((c) => html`<li><a href="${url(c.path)}">${c.title}</a></li> `)}
        </ol>
      </nav>`
    : '';
  const nav = NAV.map(
    (item) =>
      html`<li>
        <a
          href="${url(item.path)}"
          ${item.section === page.section ? raw(' aria-current="page"') : ''}
          >${item.title}</a
        >
      </li>`,
  );
  const documentTitle = page.path === '' ? site.title : `${page.title} – ${site.name}`;
  return html`<!doctype html>
<html lang="en-GB" data-base="${site.basePath}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<title>${documentTitle}</title>
${page.description ? html`<meta name="description" content="${page.description}" /> ` : ''}${page.noindex ? raw('<meta name="robots" content="noindex">\n') : ''}<link rel="canonical" href="${absoluteUrl(site, page.path)}">
${(page.alternates ?? []).map((a) => html`<link rel="alternate" type="${a.type}" href="${url(a.path)}" title="${a.title}" /> `)}<link rel="stylesheet" href="${url(paths.assets('site.css'))}">
<link rel="icon" href="${url(paths.assets('favicon.svg'))}" type="image/svg+xml">
${(page.scripts ?? []).map((s) => html`<script type="module" src="${url(paths.assets(s))}"></script> `)}${page.jsonLd ? raw(`<script type="application/ld+json">${serializeJsonLd(page.jsonLd)}</script>\n`) : ''}</head>
<body${page.bodyClass ? html` class="${page.bodyClass}"` : ''}>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
<div class="width">
<a class="site-name" href="${url(paths.home)}">${site.name}</a>
<nav class="site-nav" aria-label="Main"><ul>${nav}</ul></nav>
</div>
</header>
<div class="width">
${site.illustrative ? html`<p class="banner"><strong>Illustrative register.</strong> The providers listed here are fictional; places, councils and NHS bodies are real.</p> ` : ''}
${crumbs}
<main id="main" tabindex="-1">
${page.body}
</main>
</div>
<footer class="site-footer">
<div class="width">
<ul class="footer-links">
<li><a href="${url(paths.about)}">About the kitemark</a></li>
<li><a href="${url(paths.apply)}">How to apply</a></li>
<li><a href="${url(paths.approval)}">How changes are approved</a></li>
<li><a href="${url(paths.api)}">API</a></li>
<li><a href="${url(paths.data)}">Download the data</a></li>
${site.contactUrl ? html`<li><a href="${site.contactUrl}">Report a mistake</a></li> ` : ''}</ul>
<p>Data: <a href="${site.licence.url}" rel="license">${site.licence.title}</a>. Register version ${site.version}; statuses as of <time datetime="${site.today}">${formatDate(site.today)}</time>. Published by ${site.publisher.url ? html`<a href="${site.publisher.url}">${site.publisher.name}</a>` : site.publisher.name}.</p>
</div>
</footer>
</body>
</html>
`.value;
}
