/**
 * The built site against its register, and the pages that must work without JavaScript:
 * every provider and certificate has its page and JSON and nothing else does; the certificate
 * check answers genuine, not current and unknown numbers; the badge shows the status and
 * links to the provider; the browse pages lead to every provider with scripts off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  builtManifest,
  launchChromium,
  openPage,
  serveSite,
  SITE,
  type ServedSite,
} from './support/browser.ts';
import { checkRecordFiles } from '../support/siteFiles.ts';
import { loadSiteData } from '../../scripts/build/loadSiteData.ts';
import type { Register } from '../../scripts/lib/buildRegister.ts';
import { DEFAULT_DATA_DIR } from '../../scripts/io/projectRoot.ts';
import { TEMPLATE_PAGES } from './pages.ts';

let browser: Browser;
let site: ServedSite;
let register: Register;

beforeAll(async () => {
  browser = await launchChromium();
  site = await serveSite();
  const data = process.env['KITEMARK_DATA'] ?? DEFAULT_DATA_DIR;
  ({ register } = await loadSiteData({ dataDir: data, today: builtManifest().today }));
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const byStatus = (status: string) =>
  register.accreditations.find((a) => a.display_status === status)!;

describe('the built site', () => {
  it('has a page, JSON and badge for every provider and certificate, and for nothing else', () => {
    expect(checkRecordFiles(SITE, register)).toEqual({
      missing: [],
      unexpected: [],
      wrongJson: [],
    });
  });

  it('has no broken links inside the site from any page template', async () => {
    const links = new Set<string>();
    for (const { path } of TEMPLATE_PAGES) {
      const html = await (await fetch(site.origin + path)).text();
      for (const m of html.matchAll(/(?:href|src)="(\/[^"#]*)/g))
        links.add(m[1]!.replace(/&amp;/g, '&'));
    }
    const broken: string[] = [];
    for (const link of links) {
      const response = await fetch(site.origin + link, { method: 'HEAD' });
      if (response.status !== 200) broken.push(`${link} (${response.status})`);
    }
    expect(links.size).toBeGreaterThan(50);
    expect(broken).toEqual([]);
  });

  it('answers 404 for a provider or certificate not on the register', async () => {
    for (const path of [
      '/providers/P999999/',
      '/providers/P999999.json',
      '/certificates/KM-999999/',
      '/badges/P999999.svg',
    ]) {
      const response = await fetch(site.origin + path);
      expect(response.status, path).toBe(404);
    }
  });
});

describe('certificate check', () => {
  it('says a current certificate is genuine and current, and who holds it', async () => {
    const a = byStatus('accredited');
    const { page, context, errors } = await openPage(browser, `${site.origin}/certificates/`);
    await page.fill('#certificate-number', a.accreditation_id.replace('-', ' ').toLowerCase());
    await page.press('#certificate-number', 'Enter');
    const panel = page.locator('#certificate-result .status-panel--accredited');
    await panel.waitFor();
    expect(await panel.textContent()).toContain(`${a.accreditation_id}: Genuine and current`);
    expect(await panel.textContent()).toContain(a.provider_name);
    expect(new URL(page.url()).searchParams.get('number')).toBe(
      a.accreditation_id.replace('-', ' ').toLowerCase(),
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each(['expired', 'suspended', 'withdrawn', 'lapsed', 'applied'])(
    'says an accreditation that is %s is not a valid certificate',
    async (status) => {
      const a = byStatus(status);
      const { page, context } = await openPage(
        browser,
        `${site.origin}/certificates/?number=${a.accreditation_id}`,
      );
      const panel = page.locator(`#certificate-result .status-panel--${status}`);
      await panel.waitFor();
      expect(await panel.textContent()).not.toContain('Genuine and current');
      await context.close();
    },
  );

  it('says an unknown number is not on the register, and a malformed one is not a number', async () => {
    const { page, context } = await openPage(
      browser,
      `${site.origin}/certificates/?number=KM-999999`,
    );
    await page.locator('#certificate-result .status-panel--none').waitFor();
    expect(await page.textContent('#certificate-result')).toContain(
      'KM-999999 is not on the register',
    );
    await page.fill('#certificate-number', 'hello <b>');
    await page.press('#certificate-number', 'Enter');
    await page.waitForFunction(() =>
      document
        .getElementById('certificate-result')
        ?.textContent?.includes('not a certificate number'),
    );
    expect(await page.getAttribute('#certificate-number', 'aria-invalid')).toBe('true');
    await context.close();
  });

  it('works without JavaScript through the list of numbers', async () => {
    const a = byStatus('accredited');
    const { page, context } = await openPage(browser, `${site.origin}/certificates/`, {
      javaScript: false,
    });
    expect(await page.textContent('main')).toContain('The instant check needs JavaScript');
    await page.click('main p:not(.notice) a[href="/certificates/list/"]');
    await page.waitForURL(/\/certificates\/list\/$/);
    const ranges = await page.$$eval('main ul a', (as) =>
      as.map((x) => ({ text: x.textContent ?? '', href: x.getAttribute('href') ?? '' })),
    );
    const { href } = ranges.find(({ text }) => {
      const [first = '', last = ''] = text.split(' to ');
      return first <= a.accreditation_id && a.accreditation_id <= last;
    })!;
    await page.goto(site.origin + href);
    await page.click(`a[href="/certificates/${a.accreditation_id}/"]`);
    await page.waitForURL(new RegExp(`/certificates/${a.accreditation_id}/$`));
    expect(await page.textContent('.status-panel')).toContain('Genuine and current');
    await context.close();
  });
});

describe('badge', () => {
  it('shows the current status with a title, links to the provider, and embeds', async () => {
    const p = register.providers.find((x) => x.status === 'accredited')!;
    const response = await fetch(`${site.origin}/badges/${p.provider_id}.svg`);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    const svg = await response.text();
    expect(svg).toContain('<title>Kitemark status of');
    expect(svg).toMatch(new RegExp(`href="https?://[^"]+/providers/${p.provider_id}/"`));
    expect(svg).toContain('accredited until');

    const { page, context } = await openPage(browser, `${site.origin}/providers/${p.provider_id}/`);
    const size = await page.$eval(
      '#badge ~ p img, section[aria-labelledby="badge"] img',
      (img) => ({
        w: (img as HTMLImageElement).naturalWidth,
        alt: img.getAttribute('alt'),
      }),
    );
    expect(size.w).toBeGreaterThan(50);
    expect(size.alt).toContain(p.name);
    await context.close();
  });
});

describe('without JavaScript', () => {
  it('the search page offers the browse pages, and A to Z leads to a provider page', async () => {
    const p = register.providers[0]!;
    const { page, context } = await openPage(browser, `${site.origin}/providers/`, {
      javaScript: false,
    });
    expect(await page.isVisible('#search-app')).toBe(false);
    expect(await page.textContent('main')).toContain('Searching needs JavaScript');
    await page.click('.browse-links >> text=A to Z');
    await page.waitForURL(/\/providers\/a-z\/$/);
    await page.click('main .letters a >> nth=0');
    await page.waitForURL(/\/providers\/a-z\/[a-z0-9-]+\/$/);
    expect(await page.$$eval('main table tbody tr', (rows) => rows.length)).toBeGreaterThan(0);
    await page.goto(`${site.origin}/providers/${p.provider_id}/`);
    expect(await page.textContent('h1')).toBe(p.name);
    expect(await page.textContent('.status-panel')).toBeTruthy();
    expect(await page.$$eval('table.documents tbody tr', (rows) => rows.length)).toBe(
      p.documents.length,
    );
    await context.close();
  });

  it('the browse pages by council list every provider once', async () => {
    const { page, context } = await openPage(browser, `${site.origin}/providers/local-authority/`, {
      javaScript: false,
    });
    const councils = await page.$$eval('main ul.columns a', (as) =>
      as.map((a) => a.getAttribute('href')!),
    );
    expect(councils.length).toBe(new Set(register.providers.map((p) => p.local_authority)).size);
    await context.close();
    // Every page of every council, read as a browser without scripts would get it.
    const seen: string[] = [];
    for (const first of councils) {
      let next: string | undefined = first;
      while (next) {
        const html = await (await fetch(site.origin + next)).text();
        for (const m of html.matchAll(/<th scope="row"><a href="\/providers\/(P\d{6})\/">/g))
          seen.push(m[1]!);
        next = /<a href="([^"]+)" rel="next">/.exec(html)?.[1];
      }
    }
    expect(seen.sort()).toEqual(register.providers.map((p) => p.provider_id).sort());
  });
});
