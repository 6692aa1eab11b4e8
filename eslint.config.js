import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
);
