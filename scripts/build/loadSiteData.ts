/**
 * Reads, validates and models a register folder for the site: the one place the site gets
 * the register, through the one loader (`readRegister`). Throws RegisterInvalidError, with
 * the issues, when the register has errors, so nothing is published from a broken register.
 */
import { resolve } from 'node:path';
import { readRegister } from '../io/registerFolder.ts';
import { buildRegister } from '../lib/buildRegister.ts';
import { todayInLondon } from '../lib/dates.ts';
import { hasErrors, type Issue } from '../lib/issue.ts';
import { siteInfo } from '../publish/kit/siteInfo.ts';
import type { SiteData } from '../publish/site/eleventyPlugin.ts';

export class RegisterInvalidError extends Error {
  constructor(
    readonly dataDir: string,
    readonly issues: Issue[],
  ) {
    const errors = issues.filter((i) => i.severity === 'error').length;
    super(`the register in ${dataDir} has ${errors} error${errors === 1 ? '' : 's'}`);
  }
}

export interface LoadSiteDataOptions {
  dataDir: string;
  today?: string | undefined;
  basePath?: string | undefined;
  siteUrl?: string | undefined;
}

export interface LoadedSiteData extends SiteData {
  issues: Issue[];
}

export async function loadSiteData(options: LoadSiteDataOptions): Promise<LoadedSiteData> {
  const today = options.today ?? process.env['KITEMARK_TODAY'] ?? todayInLondon();
  const { loaded, issues } = await readRegister(options.dataDir, today);
  if (hasErrors(issues) || !loaded.meta.value) {
    throw new RegisterInvalidError(options.dataDir, issues);
  }
  const register = buildRegister(loaded, today);
  const site = siteInfo(register.meta, {
    today,
    basePath: options.basePath,
    siteUrl: options.siteUrl,
  });
  return { register, loaded, site, issues };
}

/** The register as `KITEMARK_DATA`, `KITEMARK_BASE_PATH` and `KITEMARK_SITE_URL` say, for Eleventy run by hand. */
export function loadSiteDataFromEnv(): Promise<LoadedSiteData> {
  return loadSiteData({
    dataDir: resolve(process.env['KITEMARK_DATA'] ?? 'data'),
    basePath: process.env['KITEMARK_BASE_PATH'],
    siteUrl: process.env['KITEMARK_SITE_URL'],
  });
}
