/**
 * The site build: read and validate the register once, model it, render every page with
 * Eleventy, run the publishers, write the sitemap, and only then swap the new folder into
 * place. A failure at any step leaves the previous site untouched.
 */
import { relative } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ROOT } from '../io/projectRoot.ts';
import { replaceFolder } from '../io/replaceFolder.ts';
import { loadSiteData, type LoadedSiteData } from './loadSiteData.ts';
import type { PublishContext, Publisher } from '../publish/kit/publisher.ts';
import { PUBLISHERS } from './publishers.ts';
import { publishSitemap } from '../publish/site/publishSitemap.ts';
import { publishRecordFiles } from '../publish/site/publishRecordFiles.ts';
import { publishSearchIndex } from '../publish/site/publishSearchIndex.ts';

export interface BuildSiteOptions {
  dataDir: string;
  outDir: string;
  today?: string | undefined;
  basePath?: string | undefined;
  siteUrl?: string | undefined;
  /** Progress lines ("rendered pages in 12.3 s"). */
  log?: (line: string) => void;
  /** The extra publishers to run (default PUBLISHERS); `[]` builds the site alone. */
  publishers?: readonly Publisher[];
}

export interface BuildSiteResult {
  data: LoadedSiteData;
  /** Seconds spent in each step, in order. */
  timings: [string, number][];
}

export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const timings: [string, number][] = [];
  const log = options.log ?? (() => undefined);
  const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await run();
    const seconds = (performance.now() - started) / 1000;
    timings.push([name, seconds]);
    // KITEMARK_DEBUG=1 adds memory after each step, to find what a large build holds.
    const memory = process.env['KITEMARK_DEBUG']
      ? ` (rss ${process.memoryUsage().rss >> 20} MiB, heap ${process.memoryUsage().heapUsed >> 20} MiB)`
      : '';
    log(`${name}: ${seconds.toFixed(1)} s${memory}`);
    return result;
  };

  const data = await step('read and validate the register', () => loadSiteData(options));
  // Validation leaves hundreds of megabytes of garbage at 50,000 providers; collecting it
  // before rendering keeps the build's peak memory that much lower.
  collectGarbage();
  await replaceFolder(options.outDir, async (outDir) => {
    const context: PublishContext = { ...data, outDir, dataDir: options.dataDir };
    await step('render pages (Eleventy)', () => runEleventy(data, outDir));
    collectGarbage();
    await step('search index', () => publishSearchIndex(context));
    await step('record pages, JSON and badges', () => publishRecordFiles(context));
    for (const publisher of options.publishers ?? PUBLISHERS) {
      await step(publisher.name, () => publisher.publish(context));
    }
    await step('sitemap', () => publishSitemap(context));
  });
  return { data, timings };
}

/**
 * A full garbage collection, between steps whose garbage would otherwise pile up on top of
 * the register's own half gigabyte at 50,000 providers. Node exposes `gc` only with
 * --expose-gc; setting the flag at run time and reading `gc` from a new context is the
 * documented way to get it without one.
 */
function collectGarbage(): void {
  try {
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
  } catch {
    // Not essential: without it the build only uses more memory.
  }
}

async function runEleventy(data: LoadedSiteData, outDir: string): Promise<void> {
  // Eleventy resolves its input, includes and passthrough copies from the working folder.
  const previous = process.cwd();
  process.chdir(ROOT);
  try {
    const { Eleventy } = await import('@11ty/eleventy');
    const eleventy = new Eleventy('site', relative(ROOT, outDir) || '.', {
      quietMode: true,
      configPath: '.eleventy.js',
      pathPrefix: data.site.basePath,
      config(eleventyConfig: { addGlobalData(name: string, value: unknown): void }) {
        // Frozen, so Eleventy's data cascade shares it instead of deep-copying the register.
        eleventyConfig.addGlobalData(
          'kitemark',
          Object.freeze({ register: data.register, loaded: data.loaded, site: data.site }),
        );
      },
    });
    await eleventy.write();
  } finally {
    process.chdir(previous);
  }
}
