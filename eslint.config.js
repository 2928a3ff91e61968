// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'worker_threads',
  'stream',
  'zlib',
  'util',
  'events',
];

/** DESIGN.md boundaries, as lint rules (VS Code's code-by-runtime layering). */
const electronAsTypesOnly = {
  paths: [
    {
      name: 'electron',
      allowTypeImports: true,
      message: 'Only main/platform, main/preload and main/index.ts may use electron at run time.',
    },
    {
      name: 'keytar',
      allowTypeImports: true,
      message: 'keytar lives behind the SecretStore port (main/platform).',
    },
    {
      name: 'electron-store',
      allowTypeImports: true,
      message: 'electron-store lives behind the KeyValueStore port (main/platform).',
    },
    {
      name: 'electron-updater',
      allowTypeImports: true,
      message: 'electron-updater lives behind the Updater port (main/platform/updater.ts).',
    },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'test-output/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='then']",
          message: 'Use async/await, not .then chains (STYLE.md).',
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='then']",
          message: 'Use async/await, not .then chains (STYLE.md).',
        },
        {
          selector:
            'CallExpression[callee.name=/^(readFileSync|writeFileSync|appendFileSync|existsSync|mkdirSync|readdirSync|statSync|renameSync|unlinkSync|rmSync|copyFileSync|openSync|fsyncSync)$/]',
          message: 'No synchronous file I/O on the main process (STYLE.md).',
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(readFileSync|writeFileSync|appendFileSync|existsSync|mkdirSync|readdirSync|statSync|renameSync|unlinkSync|rmSync|copyFileSync|openSync|fsyncSync)$/]',
          message: 'No synchronous file I/O on the main process (STYLE.md).',
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ is plain TypeScript for both sides.' },
            { name: 'keytar', message: 'shared/ is plain TypeScript for both sides.' },
            { name: 'electron-store', message: 'shared/ is plain TypeScript for both sides.' },
            { name: 'react', message: 'shared/ is plain TypeScript for both sides.' },
          ],
          patterns: [
            { group: nodeBuiltins, message: 'shared/ may not use Node built-ins.' },
            {
              group: ['**/main/**', '**/renderer/**', 'react-dom', 'react-dom/*'],
              message: 'shared/ imports neither main nor renderer.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to main only through window.api.' },
            { name: 'keytar', message: 'Secrets never reach the renderer.' },
            { name: 'electron-store', message: 'Settings reach the renderer through IPC.' },
            { name: 'undici', message: 'The renderer makes no network requests.' },
            { name: 'exceljs', message: 'Files are read in main, off the UI thread.' },
          ],
          patterns: [
            { group: nodeBuiltins, message: 'The renderer has no Node.' },
            {
              group: ['**/main/**', '**/test/**'],
              message: 'The renderer imports only shared/ and browser libraries.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'main/services/**/*.ts',
      'main/ipc/**/*.ts',
      'main/security/**/*.ts',
      'main/core.ts',
      'main/ports.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          ...electronAsTypesOnly,
          patterns: [
            {
              group: ['**/platform/**', '**/renderer/**'],
              message: 'Services get platform adapters as constructor arguments (ports).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/host/page-bridge.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
