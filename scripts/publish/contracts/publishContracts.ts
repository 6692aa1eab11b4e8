/**
 * The contract publisher: writes every template version's downloads (DOCX, Markdown, HTML,
 * JSON, and the DOCX skeleton the fill-in form fills), the code titles the form needs, the
 * pages' stylesheet (with the topic filter rules) and their bundled scripts.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from '../../io/projectRoot.ts';
import { writeOutput, type PublishContext } from '../kit/publisher.ts';
import { contractPaths, PRICING_FILES } from '../../lib/contracts/catalogueContracts.ts';
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
  const data = contractSiteData(loaded, register);
  for (const { version } of allVersions(data)) {
    const d = await data.downloads(version);
    const path = (extension: string) =>
      contractPaths.download(version.id, version.version, extension);
    await writeOutput(outDir, path('docx'), d.docx);
    await writeOutput(outDir, path('md'), d.markdown);
    await writeOutput(outDir, path('html'), d.html);
    await writeOutput(outDir, path('json'), d.json);
    await writeOutput(
      outDir,
      contractPaths.docxSkeleton(version.id, version.version),
      d.docxSkeleton,
    );
  }
  await writeOutput(outDir, contractPaths.codeTitles, `${JSON.stringify(data.titles)}\n`);
  await writeOutput(
    outDir,
    contractPaths.parties,
    `${JSON.stringify(listContractParties(register))}\n`,
  );

  // The calculator's blank templates and its worked example as a statement.
  const categories = data.titles.costCategories;
  const descriptions = Object.fromEntries(
    [...(loaded.codelists.get('cost-categories')?.entries.values() ?? [])].map((e) => [
      e.code,
      e.description ?? '',
    ]),
  );
  const pricing = (name: string) => contractPaths.pricingFile(name);
  await writeOutput(
    outDir,
    pricing(PRICING_FILES.csv),
    formatCostStatementCsv(undefined, categories),
  );
  const xlsx = await writeCostStatementXlsx(undefined, categories, descriptions);
  // Fixed file dates in the zip, so the same codelist always makes the same bytes.
  await writeOutput(
    outDir,
    pricing(PRICING_FILES.xlsx),
    fixZipDates(xlsx, new Date(Date.UTC(2026, 0, 1))),
  );
  const example = calculateFullCost(WORKED_EXAMPLE, categories);
  if (example.ok) {
    const statement = makeCostStatement(WORKED_EXAMPLE_DETAILS, example.result);
    await writeOutput(
      outDir,
      pricing(PRICING_FILES.exampleJson),
      `${JSON.stringify(statement, null, 2)}\n`,
    );
    await writeOutput(
      outDir,
      pricing(PRICING_FILES.exampleCsv),
      formatCostStatementCsv(statement, categories),
    );
  }

  const css = await readFile(join(ROOT, 'site/contracts/contracts.css'), 'utf8');
  const filters = topicFilterCss(Object.keys(data.titles.topics));
  await writeOutput(outDir, contractPaths.assets('contracts.css'), `${css}\n${filters}\n`);
  for (const script of await bundleBrowserScripts()) {
    await writeOutput(outDir, contractPaths.assets(script.name), script.code);
  }
}
