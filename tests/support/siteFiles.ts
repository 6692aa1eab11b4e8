/**
 * Checks a built site folder against its register: every provider has its page, JSON twin
 * and badge; every award its certificate page and JSON; and no record file exists for
 * anything that is not in the register. Used by the build test and the browser tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Register } from '../../scripts/lib/buildRegister.ts';

export interface RecordFileProblems {
  missing: string[];
  unexpected: string[];
  wrongJson: string[];
}

export function checkRecordFiles(outDir: string, register: Register): RecordFileProblems {
  const missing: string[] = [];
  const unexpected: string[] = [];
  const wrongJson: string[] = [];
  const providerIds = new Set(register.providers.map((p) => p.provider_id));
  const certificateIds = new Set(register.accreditations.map((a) => a.accreditation_id));

  for (const id of providerIds) {
    for (const file of [`providers/${id}/index.html`, `providers/${id}.json`, `badges/${id}.svg`]) {
      if (!existsSync(join(outDir, file))) missing.push(file);
    }
  }
  for (const id of certificateIds) {
    for (const file of [`certificates/${id}/index.html`, `certificates/${id}.json`]) {
      if (!existsSync(join(outDir, file))) missing.push(file);
    }
  }

  // Record-shaped names that are not records (a page for a deleted or made-up provider).
  const looksLikeProvider = /^P\d+$/;
  const looksLikeCertificate = /^KM-\d+$/;
  const listed = (dir: string) =>
    existsSync(join(outDir, dir)) ? readdirSync(join(outDir, dir)) : [];
  for (const name of listed('providers')) {
    const id = name.replace(/\.json$/, '');
    if (looksLikeProvider.test(id) && !providerIds.has(id)) unexpected.push(`providers/${name}`);
  }
  for (const name of listed('badges')) {
    if (!providerIds.has(name.replace(/\.svg$/, ''))) unexpected.push(`badges/${name}`);
  }
  for (const name of listed('certificates')) {
    const id = name.replace(/\.json$/, '');
    if (looksLikeCertificate.test(id) && !certificateIds.has(id))
      unexpected.push(`certificates/${name}`);
  }

  for (const id of providerIds) {
    const file = join(outDir, `providers/${id}.json`);
    if (!existsSync(file)) continue;
    const record = JSON.parse(readFileSync(file, 'utf8')) as { provider_id?: string };
    if (record.provider_id !== id) wrongJson.push(`providers/${id}.json`);
  }
  for (const id of certificateIds) {
    const file = join(outDir, `certificates/${id}.json`);
    if (!existsSync(file)) continue;
    const record = JSON.parse(readFileSync(file, 'utf8')) as { accreditation_id?: string };
    if (record.accreditation_id !== id) wrongJson.push(`certificates/${id}.json`);
  }
  return { missing, unexpected, wrongJson };
}
