/**
 * Facts about the built site that every page needs: where it is served from, its absolute
 * address (for the sitemap, badges and canonical links) and the date the build judged
 * statuses on. Pure: the build command reads the environment and passes the values in.
 */
import type { RegisterMetadata } from '../../lib/types.generated.ts';

export interface SiteInfo {
  /** The register's title, from register.json. */
  title: string;
  /** What the header and page titles call the site. */
  name: string;
  /** Path the site is served under, always starting and ending with `/` (for example `/` or `/kitemark-register/`). */
  basePath: string;
  /** Absolute address of the site's root, ending with `/`. */
  url: string;
  /** The day statuses were judged on (YYYY-MM-DD): "expired" means expired as of this day. */
  today: string;
  /** The register's version (semver) from register.json. */
  version: string;
  licence: { title: string; url: string };
  publisher: { name: string; url?: string };
  /** The providers are fictional (a demonstration register): every page says so. */
  illustrative: boolean;
  /** Where people report a mistake or ask a question. */
  contactUrl?: string;
  /** The repository, for "how to apply" and "how changes are approved". */
  repositoryUrl?: string;
}

export const SITE_NAME = 'Kitemark Register';

/** `/`, `/a/` or `/a/b/`: a leading and trailing slash, no doubled slashes, no dots. */
export function normaliseBasePath(value: string | undefined): string {
  const parts = (value ?? '/').split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..' || !/^[A-Za-z0-9._~-]+$/.test(p))) {
    throw new Error(`the base path "${value}" may only hold letters, digits, . _ ~ - and /`);
  }
  return parts.length === 0 ? '/' : `/${parts.join('/')}/`;
}

/** An absolute http(s) address ending with `/`. */
export function normaliseSiteUrl(value: string): string {
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`the site address must start with https:// or http://, not "${value}"`);
  }
  url.search = '';
  url.hash = '';
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

export interface SiteInfoOptions {
  today: string;
  basePath?: string | undefined;
  /** Absolute site address; defaults to the register's homepage, then to localhost. */
  siteUrl?: string | undefined;
}

export function siteInfo(meta: RegisterMetadata, options: SiteInfoOptions): SiteInfo {
  const basePath = normaliseBasePath(options.basePath);
  const url = normaliseSiteUrl(
    options.siteUrl ?? meta.homepage ?? `http://localhost:8080${basePath}`,
  );
  const repository = meta.publisher.url?.startsWith('https://github.com/')
    ? meta.publisher.url.replace(/\/$/, '')
    : undefined;
  const info: SiteInfo = {
    title: meta.title,
    name: SITE_NAME,
    basePath,
    url,
    today: options.today,
    version: meta.version,
    licence: { title: meta.licence.title, url: meta.licence.path },
    publisher: meta.publisher.url
      ? { name: meta.publisher.name, url: meta.publisher.url }
      : { name: meta.publisher.name },
    illustrative: meta.illustrative === true,
  };
  const contact =
    meta.contact?.url ?? (meta.contact?.email ? `mailto:${meta.contact.email}` : undefined);
  if (contact) info.contactUrl = contact;
  if (repository) info.repositoryUrl = repository;
  return info;
}
