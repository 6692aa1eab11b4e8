/**
 * The Eleventy side of the site: wires the register, the site facts, filters and the `base`
 * layout into Eleventy. `.eleventy.js` only adds this plugin.
 *
 * Global data every template sees:
 *   register  the Register model (scripts/lib/buildRegister.ts), frozen
 *   loaded    the LoadedRegister (tables with source lines, codelists, contract templates)
 *   site      SiteInfo (scripts/publish/kit/siteInfo.ts): basePath, url, today, version, licence…
 *
 * The build command (`kitemark build`) reads and validates the register once and passes it
 * in; run Eleventy by hand (`npx @11ty/eleventy`) and this plugin reads it through the same
 * loader.
 */
import type { LoadedRegister } from '../../lib/loadRegister.ts';
import type { Register } from '../../lib/buildRegister.ts';
import { DISPLAY_STATUS_LABELS, type DisplayStatus } from '../../lib/buildRegister.ts';
import type { SiteInfo } from '../kit/siteInfo.ts';
import { formatCount, formatDate } from '../kit/format.ts';
import { plural } from '../../lib/words.ts';
import { absoluteUrl, href } from '../kit/urls.ts';
import { browseGroups, browsePages } from './browse.ts';
import { certificateListPages } from './certificateList.ts';

export interface SiteData {
  register: Register;
  loaded: LoadedRegister;
  site: SiteInfo;
}

/** The slice of Eleventy's UserConfig this plugin uses (Eleventy ships no types for it). */
export interface EleventyConfigLike {
  globalData: Record<string, unknown>;
  addGlobalData(name: string, value: unknown): unknown;
  addFilter(name: string, fn: (...args: never[]) => unknown): unknown;
  addPassthroughCopy(paths: Record<string, string> | string): unknown;
  addExtension(extensions: string[], options: { key: string }): unknown;
  addLayoutAlias(alias: string, path: string): unknown;
  addTemplateFormats(formats: string | string[]): unknown;
  setQuietMode(quiet: boolean): unknown;
  setDataDeepMerge?(deep: boolean): unknown;
}

export interface KitemarkSitePluginOptions {
  /** Loads the register when Eleventy runs without the build command (`npx @11ty/eleventy`). */
  load?: () => Promise<SiteData>;
}

export function kitemarkSitePlugin(
  eleventyConfig: EleventyConfigLike,
  options: KitemarkSitePluginOptions = {},
): void {
  // The build command injects `kitemark` (see buildSite.ts) before the config file runs.
  const injected = eleventyConfig.globalData['kitemark'] as SiteData | undefined;
  const data = injected
    ? Promise.resolve(injected)
    : options.load
      ? options.load()
      : Promise.reject(new Error('the site plugin needs the register: pass `load`'));
  // Frozen objects are shared, not deep-copied, by Eleventy's data cascade.
  eleventyConfig.addGlobalData('register', async () => Object.freeze((await data).register));
  eleventyConfig.addGlobalData('loaded', async () => Object.freeze((await data).loaded));
  eleventyConfig.addGlobalData('site', async () => Object.freeze((await data).site));
  // The browse pages (scripts/publish/site/browse.ts), computed once for every template that pages them.
  eleventyConfig.addGlobalData('browse', async () => {
    const groups = browseGroups((await data).register);
    return Object.freeze({ groups, pages: browsePages(groups) });
  });
  eleventyConfig.addGlobalData('certificateList', async () =>
    Object.freeze(certificateListPages((await data).register)),
  );

  // TypeScript templates (`*.11ty.ts`) run as JavaScript templates through tsx.
  eleventyConfig.addExtension(['11ty.ts'], { key: '11ty.js' });
  eleventyConfig.addTemplateFormats('11ty.ts');
  eleventyConfig.addLayoutAlias('base', 'layouts/base.11ty.ts');

  eleventyConfig.addPassthroughCopy({ 'site/assets': 'assets' });
  eleventyConfig.addPassthroughCopy({ 'node_modules/lunr/lunr.min.js': 'assets/lunr.min.js' });

  // Filters for Nunjucks and Markdown pages; JavaScript templates import the functions.
  eleventyConfig.addFilter('formatDate', (iso: string) => formatDate(iso));
  eleventyConfig.addFilter('formatCount', (n: number) => formatCount(n));
  eleventyConfig.addFilter('plural', (n: number, one: string, many?: string) =>
    plural(n, one, many),
  );
  eleventyConfig.addFilter('statusLabel', (status: DisplayStatus) => DISPLAY_STATUS_LABELS[status]);
  /** `{{ 'providers/' | href(site) }}`: a link on this site, with the base path. */
  eleventyConfig.addFilter('href', (path: string, site: SiteInfo) => href(site, path));
  eleventyConfig.addFilter('absoluteUrl', (path: string, site: SiteInfo) =>
    absoluteUrl(site, path),
  );
}
