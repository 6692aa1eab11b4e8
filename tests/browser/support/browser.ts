/**
 * What every browser test needs: Debian's Chromium (failing loudly, with the install
 * command, when it is missing: a skipped browser test would hide broken pages), the built
 * site served on 127.0.0.1 as a static host serves it, and pages with or without JavaScript.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createStaticServer } from '../../../scripts/cli/staticServer.ts';

export const CHROMIUM = process.env['KITEMARK_CHROMIUM'] ?? '/usr/bin/chromium';
export const SITE = process.env['KITEMARK_OUT'] ?? join(import.meta.dirname, '../../../_site');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}; the browser tests need it. Install it with: apt-get update && apt-get install -y chromium`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}

export interface ServedSite {
  origin: string;
  root: string;
  close(): Promise<void>;
}

/** Serves a built site folder on a free port of 127.0.0.1. */
export async function serveSite(root = SITE): Promise<ServedSite> {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${root} has no built site: run \`npm run build\` before the browser tests`);
  }
  const server: Server = createStaticServer({ root });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    root,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export interface OpenOptions {
  javaScript?: boolean;
  width?: number;
  acceptDownloads?: boolean;
}

/**
 * A fresh page (own cookies and cache) that fails the test on any script error or
 * console error, and on any dialog (an alert means injected script ran).
 */
export async function openPage(
  browser: Browser,
  url: string,
  options: OpenOptions = {},
): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript ?? true,
    viewport: { width: options.width ?? 1200, height: 900 },
    acceptDownloads: options.acceptDownloads ?? false,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 404/.test(m.text()))
      errors.push(`console: ${m.text()}`);
  });
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(url);
  return { page, context, errors };
}

/** The `today` and version the built site was made with. */
export function builtManifest(root = SITE): { today: string; version: string; count: number } {
  return JSON.parse(readFileSync(join(root, 'search/manifest.json'), 'utf8'));
}
