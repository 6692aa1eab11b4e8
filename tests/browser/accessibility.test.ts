/**
 * Every page template in the real browser: axe-core finds no WCAG 2.2 A/AA violations, there
 * is one h1 and headings do not skip levels, the skip link moves focus to the content,
 * focus is always visible, pages reflow at 320 CSS pixels, and record pages print cleanly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launchChromium, openPage, serveSite, type ServedSite } from './support/browser.ts';
import { TEMPLATE_PAGES } from './pages.ts';

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

async function ready(page: Page, selector?: string) {
  if (selector) await page.waitForSelector(selector, { state: 'attached', timeout: 20_000 });
}

describe.each(TEMPLATE_PAGES)('$name ($path)', ({ path, ready: selector }) => {
  it('has no axe-core violations of WCAG 2.2 A and AA', async () => {
    const { page, context, errors } = await openPage(browser, site.origin + path);
    await ready(page, selector);
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    const violations = results.violations.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join('; ')})`,
    );
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('has a title, one h1, headings in order and a working skip link', async () => {
    const { page, context } = await openPage(browser, site.origin + path);
    await ready(page, selector);
    expect(await page.title()).toMatch(/Kitemark Register/);
    const levels = await page.$$eval('main h1, main h2, main h3, main h4', (hs) =>
      hs
        .filter((h) => (h as HTMLElement).offsetParent !== null || h.id === 'results-heading')
        .map((h) => Number(h.tagName[1])),
    );
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    expect(levels[0]).toBe(1);
    levels.forEach((level, i) => {
      if (i > 0) expect(level - levels[i - 1]!).toBeLessThanOrEqual(1);
    });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await context.close();
  });
});

describe('keyboard focus', () => {
  it('is visible on every focusable element of the search page', async () => {
    const { page, context } = await openPage(browser, `${site.origin}/providers/?q=carers`);
    await page.waitForSelector('#results li');
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const style = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const s = getComputedStyle(el);
        return {
          tag: el.tagName,
          outline: s.outlineStyle !== 'none' && s.outlineWidth !== '0px',
          shadow: s.boxShadow !== 'none',
          background: s.backgroundColor,
        };
      });
      if (!style) continue;
      expect(style.outline || style.shadow, JSON.stringify(style)).toBe(true);
    }
    await context.close();
  });
});

describe('small screens', () => {
  it.each([
    '/',
    '/providers/?q=carers',
    '/providers/P000001/',
    '/certificates/KM-000001/',
    '/commissioners/',
  ])('%s reflows at 320 CSS pixels without sideways scrolling', async (path) => {
    const { page, context } = await openPage(browser, site.origin + path, { width: 320 });
    if (path.includes('?q=')) await page.waitForSelector('#results li');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});

describe('print', () => {
  it.each(['/providers/P000001/', '/certificates/KM-000001/'])(
    '%s prints the record without site navigation, with its address',
    async (path) => {
      const { page, context } = await openPage(browser, site.origin + path);
      await page.emulateMedia({ media: 'print' });
      const shown = await page.evaluate(() => ({
        header: getComputedStyle(document.querySelector('.site-header')!).display,
        footer: getComputedStyle(document.querySelector('.site-footer')!).display,
        printOnly: getComputedStyle(document.querySelector('.print-only')!).display,
        status: getComputedStyle(document.querySelector('.status-panel')!).display,
      }));
      expect(shown).toEqual({
        header: 'none',
        footer: 'none',
        printOnly: 'block',
        status: 'block',
      });
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.length).toBeGreaterThan(1000);
      await context.close();
    },
  );
});
