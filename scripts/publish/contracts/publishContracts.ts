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
import { contractPaths, PRICING_FILES } from '../kit/urls.ts';
import { allVersions, contractSiteData } from './contractSiteData.ts';
import { bundleBrowserScripts } from './bundleBrowserScripts.ts';
import { topicFilterCss } from './topicFilterCss.ts';
import { listContractParties } from '../../lib/contracts/listContractParties.ts';
import { calculateFullCost } from '../../lib/costs/calculateFullCost.ts';
import { makeCostStatement } from '../../lib/costs/costStatement.ts';
import { formatCostStatementCsv } from '../../lib/costs/costStatementCsv.ts';
import { writeCostStatementXlsx } from '../../lib/costs/costStatementXlsx.ts';
import { WORKED_EXAMPLE, WORKED_EXAMPLE_DETAILS } from '../../lib/costs/workedExample.ts';
import { fixZipDates } from '../../lib/downloads/fixZipDates.ts';

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
  await out.write(contractPaths.parties, `${JSON.stringify(listContractParties(register))}\n`);

  // The calculator's blank templates and its worked example as a statement.
  const categories = data.titles.costCategories;
  const descriptions = Object.fromEntries(
    [...(loaded.codelists.get('cost-categories')?.entries.values() ?? [])].map((e) => [
      e.code,
      e.description ?? '',
    ]),
  );
  const pricing = (name: string) => contractPaths.pricingFile(name);
  await out.write(pricing(PRICING_FILES.csv), formatCostStatementCsv(undefined, categories));
  const xlsx = await writeCostStatementXlsx(undefined, categories, descriptions);
  // Fixed file dates in the zip, so the same codelist always makes the same bytes.
  await out.write(pricing(PRICING_FILES.xlsx), fixZipDates(xlsx, new Date(Date.UTC(2026, 0, 1))));
  const example = calculateFullCost(WORKED_EXAMPLE, categories);
  if (example.ok) {
    const statement = makeCostStatement(WORKED_EXAMPLE_DETAILS, example.result);
    await out.write(pricing(PRICING_FILES.exampleJson), `${JSON.stringify(statement, null, 2)}\n`);
    await out.write(
      pricing(PRICING_FILES.exampleCsv),
      formatCostStatementCsv(statement, categories),
    );
  }

  const css = await readFile(join(ROOT, 'site/contracts/contracts.css'), 'utf8');
  const filters = topicFilterCss(Object.keys(data.titles.topics));
  await out.write(contractPaths.assets('contracts.css'), `${css}\n${filters}\n`);
  for (const script of await bundleBrowserScripts()) {
    await out.write(contractPaths.assets(script.name), script.code);
  }
}
