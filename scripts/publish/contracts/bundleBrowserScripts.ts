/**
 * Bundles the contract pages' browser scripts (site/contracts/browser/*.ts) with esbuild: the
 * fill-in form brings in the same pure modules the build uses (checking values, rendering HTML,
 * Markdown and JSON, filling the DOCX skeleton), so the browser and the downloads agree.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from '../../io/projectRoot.ts';

export const BROWSER_SCRIPTS = ['read', 'fill', 'pricing'] as const;

export async function bundleBrowserScripts(): Promise<{ name: string; code: string }[]> {
  const result = await build({
    entryPoints: BROWSER_SCRIPTS.map((name) => join(ROOT, `site/contracts/browser/${name}.ts`)),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    legalComments: 'none',
    write: false,
    outdir: join(ROOT, '.cache/contracts-bundle'),
    logLevel: 'silent',
  });
  return result.outputFiles.map((f) => ({
    name: f.path.slice(f.path.lastIndexOf('/') + 1),
    code: f.text,
  }));
}
