import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/**/*.ts', 'tests/**/*.ts', 'scripts/**/*.cjs', 'bin/**/*.cjs', '*.config.ts', '*.config.cjs', '*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['scripts/**/*.cjs', 'bin/**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The core runs in Electron's main process, the loopback host and the CLI alike:
    // it must not depend on Electron or on the DOM.
    files: ['electron/core/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'electron/core must not import Electron (see ARCHITECTURE.md).' }],
          patterns: [
            { group: ['electron/*'], message: 'electron/core must not import Electron.' },
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@mantine/*'], message: 'electron/core must not import UI code.' },
            { group: ['**/renderer/**', '**/main/**', '**/preload/**', '**/host/**', '**/cli/**'], message: 'electron/core must not import outer layers.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
);
