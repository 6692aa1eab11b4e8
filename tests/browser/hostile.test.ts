/**
 * A register whose provider name and description carry markup (`<script>`, `<img onerror>`)
 * built and served as the real site would be: every page and script must show the text as
 * written and run none of it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openPage, serveSite, type ServedSite } from './support/browser.ts';
import { kitemark } from '../support/cli.ts';
import {
  siteFixtureFiles,
  XSS_DESCRIPTION,
  XSS_NAME,
  XSS_OTHER_NAME,
} from '../support/siteRegister.ts';

let work: string;
let browser: Browser;
let site: ServedSite;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kitemark-hostile-'));
  for (const [path, text] of siteFixtureFiles()) {
    mkdirSync(dirname(join(work, 'data', path)), { recursive: true });
    writeFileSync(join(work, 'data', path), text);
  }
  const built = kitemark([
    'build',
    '--quiet',
    '--data',
    join(work, 'data'),
    '--out',
    join(work, 'site'),
  ]);
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
  browser = await launchChromium();
  site = await serveSite(join(work, 'site'));
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('markup in the data', () => {
  it('appears as text on the provider page', async () => {
    const { page, context, errors } = await openPage(browser, `${site.origin}/providers/P000003/`);
    expect(await page.textContent('h1')).toBe(XSS_NAME);
    expect(await page.textContent('.lede')).toBe(XSS_DESCRIPTION);
    expect(await page.textContent('.aka')).toBe(`Also known as ${XSS_OTHER_NAME}`);
    expect(await page.$$('main b')).toHaveLength(0);
    expect(await page.$$('main img[src="x"], main script')).toHaveLength(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('appears as text in search results and facets', async () => {
    const { page, context, errors } = await openPage(browser, `${site.origin}/providers/?q=script`);
    await page.waitForFunction(
      () => document.getElementById('search-app')?.dataset['state'] === 'done',
    );
    expect(await page.textContent('#results h3')).toBe(XSS_NAME);
    expect(await page.textContent('#results .result__meta')).toBe(
      `Also known as ${XSS_OTHER_NAME}`,
    );
    expect(await page.$$('#results script, #results img, #results b')).toHaveLength(0);
    await page.fill('#search-q', XSS_DESCRIPTION);
    await page.press('#search-q', 'Enter');
    await page.waitForFunction(
      () => document.getElementById('search-app')?.dataset['state'] === 'done',
    );
    expect(await page.textContent('#result-count')).toContain(XSS_DESCRIPTION);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finds a provider by another name it is known by, and says so in the result', async () => {
    const { page, context, errors } = await openPage(browser, `${site.origin}/providers/?q=pals`);
    await page.waitForFunction(
      () => document.getElementById('search-app')?.dataset['state'] === 'done',
    );
    expect(await page.$$eval('#results h3', (hs) => hs.map((h) => h.textContent))).toEqual([
      XSS_NAME,
    ]);
    expect(await page.textContent('#results .result__meta')).toBe(
      `Also known as ${XSS_OTHER_NAME}`,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('appears as text in the certificate check and on the badge', async () => {
    const { page, context, errors } = await openPage(
      browser,
      `${site.origin}/certificates/?number=KM-000003`,
    );
    await page.locator('#certificate-result .status-panel').waitFor();
    expect(await page.textContent('#certificate-result a')).toBe(XSS_NAME);
    await page.goto(`${site.origin}/badges/P000003.svg`);
    expect(await page.$$('script')).toHaveLength(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
