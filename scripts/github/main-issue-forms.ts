/**
 * Writes the issue forms in .github/ISSUE_TEMPLATE/ from the schemas and codelists. Run it
 * after changing either (a unit test fails until you do): `npx tsx scripts/github/main-issue-forms.ts`.
 */
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { DEFAULT_DATA_DIR, ROOT } from '../io/projectRoot.ts';
import { readDataDir } from '../io/registerFolder.ts';
import { OutputFolder } from '../io/outputFolder.ts';
import { loadRegister } from '../lib/loadRegister.ts';
import { issueForms, renderIssueForm, renderTemplateConfig } from './buildIssueForms.ts';
import { isEntryPoint } from './runEntryPoint.ts';

export const TEMPLATE_DIR = join(ROOT, '.github/ISSUE_TEMPLATE');

/** Every file of the issue-template folder, by name, as it should be. */
export async function expectedTemplates(dataDir = DEFAULT_DATA_DIR): Promise<Map<string, string>> {
  const register = loadRegister(await readDataDir(dataDir));
  const files = new Map<string, string>();
  for (const form of issueForms(register)) files.set(form.file, renderIssueForm(form));
  files.set('config.yml', renderTemplateConfig(register.meta.value?.homepage));
  // Written as the project's Prettier would write them, so `npm run format:check` agrees.
  for (const [name, text] of files) {
    const filepath = join(TEMPLATE_DIR, name);
    files.set(name, await format(text, { ...(await resolveConfig(filepath)), filepath }));
  }
  return files;
}

if (isEntryPoint(import.meta.url)) {
  const folder = new OutputFolder(TEMPLATE_DIR, '.github/ISSUE_TEMPLATE');
  for (const [name, text] of await expectedTemplates()) {
    await folder.writeAtomic(name, text);
    process.stdout.write(`wrote .github/ISSUE_TEMPLATE/${name}\n`);
  }
}
