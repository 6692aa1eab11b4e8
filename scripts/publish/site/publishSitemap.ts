/**
 * Writes sitemap.xml (and robots.txt pointing at it) from the HTML files actually in the
 * built folder, so pages added by any template or publisher are listed without anyone
 * registering them. Runs after every other publisher.
 */
import { listPages } from './listPages.ts';
import { absoluteUrl } from '../kit/urls.ts';
import { buildSitemaps, pagePathFromFile } from './sitemap.ts';
import { OutputFolder } from '../../io/outputFolder.ts';
import type { PublishContext } from '../kit/publisher.ts';

export async function publishSitemap({ outDir, site }: PublishContext): Promise<void> {
  const out = new OutputFolder(outDir);
  const urls: string[] = [];
  for (const file of await listPages(outDir)) {
    const path = pagePathFromFile(file);
    if (path !== undefined) urls.push(absoluteUrl(site, path));
  }
  for (const file of buildSitemaps(site.url, urls)) {
    await out.write(file.path, file.contents);
  }
  await out.write(
    'robots.txt',
    `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(site, 'sitemap.xml')}\n`,
  );
}
