/**
 * A repository whose register history is known exactly, for the history tests:
 *
 *   1  "Start the register"                         version 1.0.0, the open-data fixture
 *                                                   (plus P000002's documents)
 *   2  "Merge pull request #3 from alice/accredit"  KM-000002 applied → accredited (a merge)
 *   3  "Rename Harbour Carers Trust (#4)"           P000001 renamed; version 1.1.0
 *   4  "Re-verify Harbour's accounts (#5)"          P000001/annual-accounts re-verified
 *   -  "Write a README"                             no register change: not in the history
 *   5  "Renew Harbour's kitemark (#6)"              KM-000001 lapsed, KM-000005 new; 1.2.0
 */
import { addRow, setCell } from './register.ts';
import { createTempRepo, inData, type TempRepo } from './gitRepo.ts';
import { MANDATORY_DOCUMENTS, openDataFiles } from './openDataRegister.ts';

export interface HistoryRepo extends TempRepo {
  /** Commit ids of the five register commits, oldest first, and of the README commit. */
  commits: string[];
  readme: string;
  files: Map<string, string>;
}

const version = (files: Map<string, string>, v: string) =>
  new Map(files).set(
    'register.json',
    files.get('register.json')!.replace(/"version": "[^"]+"/, `"version": "${v}"`),
  );

/** The mandatory documents, verified, so that an award to P000002 is valid. */
function withDocuments(files: Map<string, string>, providerId: string): Map<string, string> {
  let out = files;
  for (const type of MANDATORY_DOCUMENTS) {
    out = addRow(out, 'documents.csv', {
      provider_id: providerId,
      document_type: type,
      title: `Kestrel ${type}`,
      version: '1',
      effective_on: '2026-01-01',
      review_by: '2027-01-01',
      verified_on: '2026-01-20',
      sha256: 'c'.repeat(64),
      format: 'pdf',
    });
  }
  return out;
}

export function createHistoryRepo(): HistoryRepo {
  const repo = createTempRepo();
  const commits: string[] = [];
  let files = withDocuments(openDataFiles(), 'P000002');
  commits.push(repo.commit('Start the register', inData(files), '2026-02-01T09:00:00Z'));

  repo.git('checkout', '-q', '-b', 'alice/accredit');
  files = setCell(files, 'accreditations.csv', 3, 'status', 'accredited');
  files = setCell(files, 'accreditations.csv', 3, 'awarded_on', '2026-02-09');
  files = setCell(files, 'accreditations.csv', 3, 'expires_on', '2029-02-08');
  files = setCell(files, 'accreditations.csv', 3, 'assessor', 'Quality Assessment Partnership');
  repo.commit('Accredit Kestrel Advocacy Project', inData(files), '2026-02-09T15:00:00Z');
  repo.git('checkout', '-q', 'main');
  repo.git(
    'merge',
    '-q',
    '--no-ff',
    'alice/accredit',
    '-m',
    'Merge pull request #3 from alice/accredit',
  );
  commits.push(repo.git('rev-parse', 'HEAD'));

  files = version(setCell(files, 'providers.csv', 2, 'name', 'Harbour Carers Trust CIO'), '1.1.0');
  commits.push(
    repo.commit('Rename Harbour Carers Trust (#4)', inData(files), '2026-02-20T09:00:00Z'),
  );

  files = setCell(files, 'documents.csv', 2, 'verified_on', '2026-03-01');
  files = setCell(files, 'documents.csv', 2, 'sha256', 'b'.repeat(64));
  commits.push(
    repo.commit("Re-verify Harbour's accounts (#5)", inData(files), '2026-03-01T09:00:00Z'),
  );

  const readme = repo.commit(
    'Write a README',
    new Map([['README.md', '# Register\n']]),
    '2026-03-05T09:00:00Z',
  );

  files = setCell(files, 'accreditations.csv', 2, 'status', 'lapsed');
  files = addRow(files, 'accreditations.csv', {
    accreditation_id: 'KM-000005',
    provider_id: 'P000001',
    status: 'accredited',
    scope: 'carers-support',
    awarded_on: '2026-03-10',
    expires_on: '2029-03-09',
    assessor: 'Quality Assessment Partnership',
  });
  files = version(files, '1.2.0');
  commits.push(repo.commit("Renew Harbour's kitemark (#6)", inData(files), '2026-03-10T09:00:00Z'));
  return { ...repo, commits, readme, files };
}

/** The history of a fresh history repository, read without a cache; remove the repo after. */
export async function readHistoryRepo(): Promise<{
  repo: HistoryRepo;
  history: import('../../scripts/lib/history/historyTypes.ts').RegisterHistory;
}> {
  const { readRegisterHistory } = await import('../../scripts/io/git/readRegisterHistory.ts');
  const repo = createHistoryRepo();
  const history = await readRegisterHistory({ dataDir: `${repo.dir}/data`, cacheDir: '' });
  return { repo, history };
}
