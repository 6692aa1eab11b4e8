/**
 * CODEOWNERS, read as GitHub reads it: one rule a line (a gitignore-style pattern, then owners),
 * `#` comments, and the last matching rule wins. The review bot asks the owners of
 * data/accreditations.csv to review any change to an award's status.
 */

export interface CodeownersRule {
  pattern: string;
  owners: string[];
  line: number;
  regex: RegExp;
}

export function parseCodeowners(text: string): CodeownersRule[] {
  const rules: CodeownersRule[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') return;
    const [pattern, ...owners] = line.split(/\s+/);
    if (!pattern) return;
    rules.push({ pattern, owners, line: i + 1, regex: patternToRegex(pattern) });
  });
  return rules;
}

/** The owners of a path (relative to the repository's top, no leading slash): the last match. */
export function ownersOf(rules: readonly CodeownersRule[], path: string): string[] {
  let owners: string[] = [];
  for (const rule of rules) if (rule.regex.test(path)) owners = rule.owners;
  return owners;
}

/**
 * Owners split into what the reviewers API takes: user logins, and team slugs of `org` (teams of
 * another organisation cannot be asked). Email owners cannot be requested and are dropped.
 */
export function splitOwners(
  owners: readonly string[],
  org: string,
): { users: string[]; teams: string[] } {
  const users: string[] = [];
  const teams: string[] = [];
  for (const owner of owners) {
    const team = /^@([A-Za-z0-9-]+)\/([A-Za-z0-9_.-]+)$/.exec(owner);
    if (team) {
      if (team[1]!.toLowerCase() === org.toLowerCase() && !teams.includes(team[2]!))
        teams.push(team[2]!);
      continue;
    }
    const user = /^@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))$/.exec(owner);
    if (user && !users.includes(user[1]!)) users.push(user[1]!);
  }
  return { users, teams };
}

/** gitignore-style pattern → regex over repository-relative paths. */
function patternToRegex(pattern: string): RegExp {
  let p = pattern;
  const anchored = p.startsWith('/') || p.slice(0, -1).includes('/');
  p = p.replace(/^\//, '');
  const directory = p.endsWith('/');
  p = p.replace(/\/$/, '');
  let source = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '*' && p[i + 1] === '*') {
      // `**/` any folders; `/**` everything inside; a lone `**` anything.
      if (p[i + 2] === '/') {
        source += '(?:.*/)?';
        i += 2;
      } else {
        source += '.*';
        i += 1;
      }
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  const start = anchored ? '^' : '^(?:.*/)?';
  // A pattern matches the path itself or, as a folder, everything beneath it.
  const end = directory ? '/.*$' : '(?:/.*)?$';
  return new RegExp(`${start}${source}${end}`);
}
