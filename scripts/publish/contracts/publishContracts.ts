/**
 * The contract publisher: writes every template version's downloads (DOCX, Markdown, HTML,
 * JSON, and the DOCX skeleton the fill-in form fills), the code titles the form needs, the
 * pages' stylesheet (with the topic filter rules) and their bundled scripts.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from '../../io/projectRoot.ts';
import { OutputFolder } from '../../io/outputFolder.ts';
import type { PublishContext } from '../kit/publisher.ts';
import { contractPaths } from '../kit/urls.ts';
import { allVersions, contractSiteData } from './contractSiteData.ts';
import { bundleBrowserScripts } from './bundleBrowserScripts.ts';
import { topicFilterCss } from './topicFilterCss.ts';

export async function publishContracts({
  register,
  loaded,
  outDir,
}: PublishContext): Promise<void> {
  const out = new OutputFolder(outDir);
  const data = contractSiteData(loaded, register);
  for (const { version } of allVersions(data)) {
    const d = await data.downloads(version);
    const path = (extension: string) =>
      contractPaths.download(version.id, version.version, extension);
    await out.write(path('docx'), d.docx);
    await out.write(path('md'), d.markdown);
    await out.write(path('html'), d.html);
    await out.write(path('json'), d.json);
    await out.write(contractPaths.docxSkeleton(version.id, version.version), d.docxSkeleton);
  }
  await out.write(contractPaths.codeTitles, `${JSON.stringify(data.titles)}\n`);

  const css = await readFile(join(ROOT, 'site/contracts/contracts.css'), 'utf8');
  const filters = topicFilterCss(Object.keys(data.titles.topics));
  await out.write(contractPaths.assets('contracts.css'), `${css}\n${filters}\n`);
  for (const script of await bundleBrowserScripts()) {
    await out.write(contractPaths.assets(script.name), script.code);
  }
}
