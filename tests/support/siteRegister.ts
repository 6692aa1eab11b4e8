/**
 * Registers for the site's tests: the core's small valid fixture with a provider whose name
 * and description carry markup (the XSS fixture), modelled as the site sees it.
 */
import { buildRegister, type Register } from '../../scripts/lib/buildRegister.ts';
import { loadRegister } from '../../scripts/lib/loadRegister.ts';
import { siteInfo, type SiteInfo } from '../../scripts/publish/kit/siteInfo.ts';
import { FIXTURE_TODAY, fixtureFiles, setCell, toSources, validateFiles } from './register.ts';

export const XSS_DESCRIPTION = '<img src=x onerror=alert(1)>';
export const XSS_NAME = 'Sale <script>alert("x")</script> & Friends';
export const XSS_OTHER_NAME = 'Sale Pals <b onmouseover=alert(2)>club</b>';

/** The fixture's files with markup in P000003's name, other name and description (line 4). */
export function siteFixtureFiles(): Map<string, string> {
  let files = fixtureFiles();
  files = setCell(files, 'providers.csv', 4, 'description', XSS_DESCRIPTION);
  files = setCell(files, 'providers.csv', 4, 'name', XSS_NAME);
  files = setCell(files, 'providers.csv', 4, 'other_names', XSS_OTHER_NAME);
  return files;
}

export function siteFixture(today = FIXTURE_TODAY): { register: Register; site: SiteInfo } {
  const files = siteFixtureFiles();
  const errors = validateFiles(files, today).filter((i) => i.severity === 'error');
  if (errors.length > 0) throw new Error(`fixture invalid: ${JSON.stringify(errors)}`);
  const register = buildRegister(loadRegister(toSources(files)), today);
  const site = siteInfo(register.meta, {
    today,
    basePath: '/kitemark/',
    siteUrl: 'https://register.example/kitemark/',
  });
  return { register, site };
}
