import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Days and times belong to the centre's time zone, never to the workstation's (see
 * electron/core/time.ts): these catch code that takes "now" or "today" behind the clock's back,
 * or reads a date in the machine's own zone. tests/unit/time-lint.test.ts proves they fire.
 */
const zoneRules = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'No new Date(): take the time from the core clock (ctx.clock.now()) or, in the renderer, centreNow().' },
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'No Date.now(): take the time from the core clock (ctx.clock.now()) or, in the renderer, centreNowMs().' },
  {
    selector: "CallExpression[callee.property.name=/^(getDate|getDay|getMonth|getFullYear|getHours|getMinutes|getTimezoneOffset|toLocaleDateString|toLocaleTimeString|toDateString|toTimeString)$/]",
    message: "This reads the date in the workstation's zone: use zonedDate/zonedTime with the centre's zone (electron/core/time.ts) or app/centre-time.ts.",
  },
  { selector: "CallExpression[callee.property.name='slice'][callee.object.callee.property.name='toISOString']", message: "That is the day in UTC, not at the centre: use zonedDate(instant, centre's zone) or centreToday()." },
];
const rendererZoneRules = [
  ...zoneRules,
  { selector: "CallExpression[callee.name='dayjs']", message: "dayjs() reads and formats in the browser's zone: use app/centre-time.ts and app/format.ts." },
];

/**
 * What the renderer may import of the core, as an allow-list: each domain's contract and texts,
 * the registry of domains, and the shared pure modules. Anything else under @core (a service, a
 * store, the database, dispatch) or any path into electron/ is refused.
 */
const RENDERER_MAY_IMPORT = [
  'contract(/[a-z-]+)?',
  'domains/[a-z-]+/(contract|messages)',
  'domains/registry',
  'errors',
  'i18n/[a-z-]+',
  'names',
  'partial-date',
  'time',
  'roles',
  'permissions',
  'identity-documents',
  'reference',
  'validation',
  'screening/(instrument|rules)',
  'domains/care/asq',
  'referrals/routes',
];
const RENDERER_MAY_NOT_IMPORT = `^(@core/(?!(${RENDERER_MAY_IMPORT.join('|')})$).*|.*/electron/.*)$`;
const RENDERER_BOUNDARY =
  'The renderer reaches the core only through the contract: import a domain\'s contract or messages, or a shared pure module (names, dates, reference data), never a service, store, db or dispatch module.';

/** SQL is written in stores: a handler that prepares a statement (or runs one) is refused. */
const sqlRules = [
  {
    selector: "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(prepare|exec|pragma)$/]",
    message: "No SQL in a domain's handlers or helpers: put the statement in the domain's store.ts and call it from here.",
  },
  { selector: "CallExpression[callee.name='cached']", message: "No SQL in a domain's handlers or helpers: put the statement in the domain's store.ts." },
];

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
    files: ['electron/**/*.ts', 'tests/**/*.ts', 'scripts/**/*.cjs', 'build/**/*.cjs', 'bin/**/*.cjs', '*.config.ts', '*.config.cjs', '*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['scripts/**/*.cjs', 'build/**/*.cjs', 'bin/**/*.cjs', 'electron/**/*.cjs', '*.config.cjs'],
    languageOptions: { globals: globals.node },
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
          paths: [{ name: 'electron', message: 'electron/core must not import Electron (see docs/architecture.md).' }],
          patterns: [
            { group: ['electron/*'], message: 'electron/core must not import Electron.' },
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@mantine/*'], message: 'electron/core must not import UI code.' },
            { group: ['**/renderer/**', '**/main/**', '**/preload/**', '**/host/**', '**/cli/**'], message: 'electron/core must not import outer layers.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage'],
      'no-restricted-syntax': ['error', ...zoneRules],
    },
  },
  {
    // No SQL in a domain's handlers or helpers: it lives in the domain's store.ts
    // (docs/architecture.md), where the next engineer looks for it.
    files: ['electron/core/domains/**/*.ts'],
    ignores: ['electron/core/domains/*/store.ts', 'electron/core/domains/*/upstream-store.ts'],
    rules: { 'no-restricted-syntax': ['error', ...zoneRules, ...sqlRules] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-syntax': ['error', ...rendererZoneRules],
      // The renderer's boundary (docs/architecture.md): it talks to the core through the
      // contract only. Of the core it may import each domain's contract and texts, and the
      // shared pure modules; never a service, a store, the database or dispatch.
      'no-restricted-imports': ['error', { patterns: [{ regex: RENDERER_MAY_NOT_IMPORT, message: RENDERER_BOUNDARY }] }],
    },
  },
  {
    // The one place the renderer reads the browser's clock: to learn its skew from the core's.
    files: ['renderer/src/app/centre-time.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
