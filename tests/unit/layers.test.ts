// The import direction of scripts/ (eslint.config.js): ESLint itself, through its Node API, on
// small files placed in each folder, so a rule that stopped matching would fail here.
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/register.ts';

const eslint = new ESLint({ cwd: ROOT });

/** The import-direction errors ESLint reports for `source` saved as `file`. */
async function directionErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(ROOT, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

const importing = (path: string) => `import { thing } from '${path}';\nexport const x = thing;\n`;

describe('the import direction', () => {
  it('fails a lib module that imports io', async () => {
    const errors = await directionErrors(
      'scripts/lib/probe.ts',
      importing('../io/outputFolder.ts'),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/'\.\.\/io\/outputFolder\.ts' import is restricted/);
    expect(errors[0]).toMatch(/scripts\/lib\/ is the pure model/);
  });

  it('fails every import against the direction, at any depth', async () => {
    const against: [file: string, path: string][] = [
      ['scripts/lib/contracts/probe.ts', '../../publish/kit/urls.ts'],
      ['scripts/lib/probe.ts', '../cli/main.ts'],
      ['scripts/io/probe.ts', '../publish/kit/publisher.ts'],
      ['scripts/io/git/probe.ts', '../../build/buildSite.ts'],
      ['scripts/publish/kit/probe.ts', '../site/eleventyPlugin.ts'],
      ['scripts/publish/site/probe.ts', '../open-data/publishOpenData.ts'],
      ['scripts/publish/site/search/probe.ts', '../../contracts/publishContracts.ts'],
      ['scripts/publish/open-data/pages/probe.ts', '../../site/publishSitemap.ts'],
      ['scripts/publish/contracts/probe.ts', '../../build/publishers.ts'],
      ['scripts/publish/hsds/probe.ts', '../open-data/publishOpenData.ts'],
      ['scripts/publish/open-data/probe.ts', '../hsds/publishHsds.ts'],
      ['scripts/publish/kit/probe.ts', '../hsds/publishHsds.ts'],
      ['scripts/build/probe.ts', '../cli/main.ts'],
      ['scripts/github/probe.ts', '../cli/command.ts'],
      ['scripts/cli/commands/probe.ts', '../../github/createOctokit.ts'],
    ];
    for (const [file, path] of against) {
      expect(await directionErrors(file, importing(path)), `${file} → ${path}`).toHaveLength(1);
    }
  });

  it('lets every import along the direction through', async () => {
    const along: [file: string, path: string][] = [
      ['scripts/lib/probe.ts', './words.ts'],
      ['scripts/lib/contracts/probe.ts', '../validate/rules/ruleContext.ts'],
      ['scripts/lib/validate/templates/probe.ts', '../../../../schema/register.schema.json'],
      ['scripts/io/probe.ts', '../lib/loadRegister.ts'],
      ['scripts/publish/kit/probe.ts', '../../io/outputFolder.ts'],
      ['scripts/publish/site/probe.ts', '../kit/urls.ts'],
      ['scripts/publish/open-data/probe.ts', '../../lib/contracts/renderContract.ts'],
      ['scripts/publish/contracts/probe.ts', '../../lib/contracts/catalogueContracts.ts'],
      ['scripts/publish/hsds/probe.ts', '../../lib/hsds/mapToHsds.ts'],
      ['scripts/build/probe.ts', '../publish/site/eleventyPlugin.ts'],
      ['scripts/cli/probe.ts', '../build/buildSite.ts'],
      ['scripts/github/probe.ts', '../io/git/gitHistory.ts'],
    ];
    for (const [file, path] of along) {
      expect(await directionErrors(file, importing(path)), `${file} → ${path}`).toEqual([]);
    }
  });
});
