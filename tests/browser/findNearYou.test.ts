/**
 * A family's question in the real browser, at phone and desktop widths: which accredited
 * provider, for the service I need, near me? Scope (a kitemark is for what it covers, not
 * all a provider offers), place search (postcodes, towns, councils; based in or serving;
 * nearest first), honest text search and statuses that mean what they say.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage, serveSite, type ServedSite } from './support/browser.ts';

let browser: Browser;
let site: ServedSite;

beforeAll(async () => {
  browser = await launchChromium();
  site = await serveSite();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const done = (page: Page) =>
  page.waitForFunction(
    () =>
      document.getElementById('search-app')?.dataset['state'] === 'done' &&
      !document.getElementById('results')?.hasAttribute('aria-busy'),
  );
const names = (page: Page) =>
  page.$$eval('#results li h3 a', (as) => as.map((a) => a.textContent ?? ''));

async function search(page: Page, query: string) {
  await page.fill('#search-q', query);
  await page.press('#search-q', 'Enter');
  await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, query);
  await done(page);
}

// The embedded register: Eastgate Refugee Welcome is based in Trafford (Altrincham);
// Silverbirch Hospice at Home (Wigan) and Greenway Refugee Welcome Liverpool serve it.
const TRAFFORD = [
  'Eastgate Refugee Welcome',
  'Silverbirch Hospice at Home',
  'Greenway Refugee Welcome Liverpool',
];

for (const width of [375, 1280]) {
  describe(`at ${width} px`, () => {
    it('never shows a provider as accredited for a service its kitemark does not cover', async () => {
      const { page, context, errors } = await openPage(
        browser,
        `${site.origin}/providers/?status=accredited&service=befriending`,
        { width },
      );
      await done(page);
      const listed = await names(page);
      expect(listed.length).toBeGreaterThan(0);
      expect(listed).not.toContain('Cedar Good Neighbours CIO');
      const count = await page.$eval(
        '[data-facet="status"] input[value="accredited"] + label .count',
        (el) => el.textContent,
      );
      const total = /^([\d,]+) providers/.exec(
        (await page.textContent('#result-count')) ?? '',
      )?.[1];
      expect(count).toBe(`(${total})`);
      // Every accredited result's kitemark covers befriending.
      const scopes = await page.$$eval('#results .result__scope', (ps) =>
        ps.map((p) => p.textContent),
      );
      expect(scopes).toHaveLength(listed.length);
      for (const scope of scopes) expect(scope).toMatch(/^Kitemark covers: .*befriending/);
      // Without the status filter Cedar is listed, saying what its kitemark covers.
      await page.goto(`${site.origin}/providers/?service=befriending&q=cedar`);
      await done(page);
      const cedar = page.locator('#results li', { hasText: 'Cedar Good Neighbours CIO' });
      expect(await cedar.textContent()).toContain('Kitemark covers: community transport');
      expect(await cedar.textContent()).toContain('Also offers, not covered: befriending');
      expect(errors).toEqual([]);
      await context.close();
    });

    it.each(['M33 7AB', 'm337ab', 'M33', 'Sale', 'Trafford'])(
      'finds the providers based in or serving Trafford from “%s”, nearest first',
      async (query) => {
        const { page, context, errors } = await openPage(browser, `${site.origin}/providers/`, {
          width,
        });
        await done(page);
        await search(page, query);
        expect(await names(page)).toEqual(TRAFFORD);
        const distances = await page.$$eval('#results .result__distance', (ps) =>
          ps.map((p) => p.textContent ?? ''),
        );
        expect(distances).toHaveLength(3);
        expect(distances[0]).toMatch(
          /^(under a mile|about \d+ miles?) from .* · based in Trafford$/,
        );
        expect(distances[1]).toMatch(/· serves Trafford$/);
        const miles = distances.map((d) => Number(/about (\d+)/.exec(d)?.[1] ?? 0));
        expect(miles).toEqual([...miles].sort((a, b) => a - b));
        expect(await page.textContent('#search-notice')).toContain('based in or serving Trafford');
        expect(errors).toEqual([]);
        await context.close();
      },
    );

    it('reads “Sale” as the town, and says how to search for the word', async () => {
      const { page, context } = await openPage(browser, `${site.origin}/providers/?q=Sale`, {
        width,
      });
      await done(page);
      expect((await page.textContent('#results'))?.toLowerCase()).not.toMatch(/\bsafe\b/);
      await page.click('#search-notice a[data-exact]');
      await page.waitForURL(/as=typed/);
      await done(page);
      expect(await page.textContent('#search-notice')).not.toContain('Trafford');
      await context.close();
    });

    it('says what a mistyped word was taken for, and offers the word as typed', async () => {
      const { page, context } = await openPage(browser, `${site.origin}/providers/`, { width });
      await done(page);
      await search(page, 'demntia');
      const notice = (await page.textContent('#search-notice')) ?? '';
      expect(notice).toContain('Showing results for dementia; search instead for demntia');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('results-heading');
      await context.close();
    });

    it('says an award that expired while suspended is both', async () => {
      const { page, context } = await openPage(
        browser,
        `${site.origin}/providers/?q=Silverbirch%20Hospice`,
        { width },
      );
      await done(page);
      const result = page.locator('#results li', { hasText: 'Silverbirch Hospice at Home' });
      expect(await result.textContent()).toContain('Expired on 1 November 2025 while suspended');
      await page.goto(`${site.origin}/certificates/?number=KM-000369`);
      const panel = page.locator('#certificate-result .status-panel--expired');
      await panel.waitFor();
      expect(await panel.textContent()).toContain('expired while suspended');
      await page.goto(`${site.origin}/providers/P000340/`);
      expect(await page.textContent('.status-panel')).toContain(
        'Expired on 1 November 2025 while suspended',
      );
      await context.close();
    });

    it('lists on a council’s page the providers based there and those serving it', async () => {
      const { page, context } = await openPage(
        browser,
        `${site.origin}/providers/local-authority/e08000009/`,
        { width },
      );
      const rows = (heading: string) =>
        page.$$eval(`h2#${heading} + .table-wrap tbody th a`, (as) =>
          as.map((a) => a.textContent ?? ''),
        );
      expect(await page.textContent('h1')).toBe('Providers based in or serving Trafford');
      expect(await rows('based')).toEqual(['Eastgate Refugee Welcome']);
      expect(await rows('serving')).toEqual([
        'Greenway Refugee Welcome Liverpool',
        'Silverbirch Hospice at Home',
      ]);
      await context.close();
    });

    it('says “1 provider matches”', async () => {
      const { page, context } = await openPage(
        browser,
        `${site.origin}/providers/?q=Silverbirch%20Hospice%20at%20Home`,
        { width },
      );
      await done(page);
      expect(await page.textContent('#result-count')).toMatch(/^1 provider matches /);
      await context.close();
    });
  });
}

describe('on a phone', () => {
  it('puts the count and results straight under the box, filters behind their button', async () => {
    const { page, context, errors } = await openPage(browser, `${site.origin}/providers/`, {
      width: 375,
    });
    await done(page);
    const box = (selector: string) => page.locator(selector).boundingBox();
    const form = (await box('#search-form'))!;
    const firstResult = (await page.locator('#results li').first().boundingBox())!;
    expect(firstResult.y - (form.y + form.height)).toBeLessThan(400);
    expect(await page.isVisible('#facets')).toBe(false);
    await page.click('#filters-toggle');
    expect(await page.getAttribute('#filters-toggle', 'aria-expanded')).toBe('true');
    await page.check('[data-facet="status"] input[value="accredited"]');
    await done(page);
    expect(await page.textContent('#filters-toggle')).toBe('Filters (1 selected)');
    const tag = page.locator('#selected-filters button');
    expect(await tag.textContent()).toContain('Accredited');
    await tag.click();
    await done(page);
    expect(new URL(page.url()).searchParams.get('status')).toBeNull();
    expect(await page.isVisible('#selected-filters')).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('does not move the page when the search starts (layout shift under 0.1)', async () => {
    for (const width of [375, 1280]) {
      const { page, context } = await openPage(browser, 'about:blank', { width });
      await page.addInitScript(() => {
        (window as unknown as { cls: number }).cls = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
          })[]) {
            if (!entry.hadRecentInput) (window as unknown as { cls: number }).cls += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${site.origin}/providers/`);
      await done(page);
      await page.waitForTimeout(500);
      expect(await page.evaluate(() => (window as unknown as { cls: number }).cls)).toBeLessThan(
        0.1,
      );
      await context.close();
    }
  });

  it.each([
    '/',
    '/providers/',
    '/providers/local-authority/e08000009/',
    '/providers/P000340/',
    '/certificates/KM-000369/',
    '/certificates/',
    '/data/',
    '/data/dictionary/',
    '/commissioners/',
  ])('%s does not scroll sideways at 320 px', async (path) => {
    const { page, context } = await openPage(browser, `${site.origin}${path}`, { width: 320 });
    await page.waitForLoadState('networkidle');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});

describe('without JavaScript', () => {
  it('shows the first page of providers and no form that needs a script', async () => {
    const { page, context } = await openPage(browser, `${site.origin}/providers/`, {
      javaScript: false,
      width: 375,
    });
    expect(await page.$$eval('#results li h3 a', (as) => as.length)).toBe(20);
    expect(await page.isVisible('#search-form')).toBe(false);
    expect(await page.isVisible('#filters-toggle')).toBe(false);
    await page.click('a:has-text("See every provider")');
    await page.waitForURL(/\/providers\/a-z\/$/);
    await page.goto(`${site.origin}/certificates/`);
    expect(await page.isVisible('#certificate-form')).toBe(false);
    await context.close();
  });
});
