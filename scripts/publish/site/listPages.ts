/**
 * Every HTML file in the built site, relative to its root with `/`: for the sitemap. A
 * walk with many directory reads in flight: at 50,000 providers there are over 100,000
 * folders (a page is a folder), and reading them one after another takes several seconds.
 * Folders the site fills with other files only (`assets/`, `badges/`, `search/`, and `hsds/`,
 * whose index.html files are JSON for HSDS clients) are skipped.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

const NO_PAGES = new Set(['assets', 'badges', 'search', 'hsds']);
const IN_FLIGHT = 32;

export async function listPages(root: string): Promise<string[]> {
  const pages: string[] = [];
  const queue: string[] = [''];
  let running = 0;
  let failure: unknown;
  await new Promise<void>((done) => {
    const pump = () => {
      while (running < IN_FLIGHT && queue.length > 0 && !failure) {
        const dir = queue.pop()!;
        running++;
        readdir(join(root, dir), { withFileTypes: true })
          .then((entries) => {
            for (const entry of entries) {
              const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
              if (entry.isDirectory()) {
                if (!(dir === '' && NO_PAGES.has(entry.name))) queue.push(path);
              } else if (entry.isFile() && entry.name.endsWith('.html')) {
                pages.push(path);
              }
            }
          })
          .catch((e: unknown) => {
            failure ??= e;
          })
          .finally(() => {
            running--;
            if (running === 0 && (queue.length === 0 || failure)) done();
            else pump();
          });
      }
    };
    pump();
  });
  if (failure) throw failure;
  return pages.sort();
}
