import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * The pipeline runs one way (docs/architecture.md): cli/ and github/ (the edges) → build/ (the
 * composition root) → publish/ (kit/, then one folder per publisher) → io/ → lib/. Each block
 * below forbids a folder's files to import a folder above it or beside it. Imports are
 * relative, so a pattern names the folder a path climbs to: `../../cli/x.ts` climbs, then
 * enters cli/. Only publish/ holds the publishers' folders at the top of a climb (lib's
 * contracts/ and hsds/ are reached through lib/), and only the repository root holds site/
 * besides publish/, which every layer below build/ must leave alone too.
 */

/** Every folder of scripts/publish/ but kit/ is a publisher, so a new one is covered at once. */
const PUBLISHERS = readdirSync(new URL('./scripts/publish/', import.meta.url), {
  withFileTypes: true,
})
  .filter((entry) => entry.isDirectory() && entry.name !== 'kit')
  .map((entry) => entry.name);
const climbsInto = (...folders) => `^(\\.\\./)+(${folders.join('|')})/`;
const layer = (files, folders, why) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [{ regex: climbsInto(...folders), message: why }] },
    ],
  },
});

const LAYERS = [
  layer(
    ['scripts/lib/**'],
    ['io', 'publish', 'build', 'cli', 'github', 'site', 'bench', 'tools'],
    'scripts/lib/ is the pure model: it imports nothing above it (io, publish, build, cli, github).',
  ),
  layer(
    ['scripts/io/**'],
    ['publish', 'build', 'cli', 'github', 'site'],
    'scripts/io/ may import only scripts/lib/.',
  ),
  layer(
    ['scripts/publish/kit/**'],
    [...PUBLISHERS, 'build', 'cli', 'github'],
    'scripts/publish/kit/ is shared by the publishers: it may import only io/ and lib/.',
  ),
  ...PUBLISHERS.map((publisher) =>
    layer(
      [`scripts/publish/${publisher}/**`],
      [...PUBLISHERS.filter((other) => other !== publisher), 'build', 'cli', 'github'],
      'A publisher may import only publish/kit/, io/ and lib/, never another publisher.',
    ),
  ),
  layer(
    ['scripts/build/**'],
    ['cli', 'github'],
    'scripts/build/ is called by the edges (cli/, github/), never the other way.',
  ),
  layer(
    ['scripts/github/**'],
    ['cli'],
    'scripts/github/ is an edge of its own: share code through build/, io/ or lib/, not cli/.',
  ),
  layer(
    ['scripts/cli/**'],
    ['github'],
    'scripts/cli/ is an edge of its own: share code through build/, io/ or lib/, not github/.',
  ),
];

export default tseslint.config(
  { ignores: ['node_modules/', '_site/', '_site.*/', 'coverage/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Spreading a long array into arguments overflows the call stack (about 100,000 items).
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name=/^(push|unshift)$/] > SpreadElement:not([argument.type='ArrayExpression'])",
          message:
            'Append in a loop (or concat): a long array spread into push() overflows the stack.',
        },
      ],
    },
  },
  {
    files: ['site/assets/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  ...LAYERS,
);
