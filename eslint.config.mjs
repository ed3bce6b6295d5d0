import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/*
 * Boundaries are enforced here as import and global restrictions per folder:
 * - src/core and src/shared are pure: no electron, no node:* or Node built-ins, no React, no DOM;
 * - only src/main/ipc/register-ipc.ts and src/preload may import ipcMain / ipcRenderer;
 * - the renderer imports neither electron nor Node, nor main-process code.
 */

const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'net',
  'os',
  'path',
  'process',
  'stream',
  'timers',
  'tls',
  'url',
  'util',
  'worker_threads',
  'zlib',
];

const IPC_PRIMITIVES = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message:
    'Only src/main/ipc/register-ipc.ts and src/preload may touch raw IPC; add a channel to the contract instead.',
};

const SHELL = {
  name: 'electron',
  importNames: ['shell'],
  message:
    'Only src/main/bootstrap.ts may import shell: openExternal goes through links:open and its allow-list (src/main/links).',
};

/*
 * Electron security checklist items held by lint rather than review (docs/security.md): no HTML
 * from data, no <webview>, and windows only from the audited factory in src/main/window.
 */
const NO_INNER_HTML = {
  selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
  message: 'No HTML from data: render text, which React escapes.',
};
const NO_WEBVIEW = {
  selector: "JSXOpeningElement[name.name='webview']",
  message: 'No <webview>: the app embeds no remote content (Electron security checklist 11-12).',
};
const NO_WINDOWS_OUTSIDE_FACTORY = {
  selector: "NewExpression[callee.name='BrowserWindow']",
  message: 'Windows come only from the audited factories in src/main/window.',
};

const DOM_GLOBALS = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'location',
  'fetch',
  'XMLHttpRequest',
].map((name) => ({
  name,
  message: 'src/core and src/shared are pure: take values as arguments and let adapters do I/O.',
}));

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'security/electronegativity/fixtures/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.mjs'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-definitions': 'off',
      'no-restricted-imports': ['error', { paths: [IPC_PRIMITIVES, SHELL] }],
      'no-restricted-syntax': ['error', NO_INNER_HTML, NO_WEBVIEW, NO_WINDOWS_OUTSIDE_FACTORY],
    },
  },
  {
    files: ['src/main/window/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', NO_INNER_HTML, NO_WEBVIEW] },
  },
  {
    files: ['src/main/bootstrap.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [IPC_PRIMITIVES] }] },
  },
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'src/core and src/shared are pure: no Electron.' },
            { name: 'react', message: 'src/core and src/shared are pure: no React.' },
            ...NODE_BUILTINS.map((name) => ({ name, message: 'src/core and src/shared are pure: no Node built-ins.' })),
          ],
          patterns: [
            { group: ['node:*'], message: 'src/core and src/shared are pure: no Node built-ins.' },
            { group: ['react-dom', 'react-dom/*', '@fluentui/*'], message: 'No UI code in the pure layers.' },
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/cli/**'],
              message: 'Pure layers depend on nothing outside src/core and src/shared.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...DOM_GLOBALS,
        { name: 'process', message: 'No process in the pure layers.' },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to main only through src/renderer/src/bridge.ts.' }],
          patterns: [
            { group: ['node:*'], message: 'The renderer is sandboxed: no Node.' },
            {
              group: ['**/main/**', '**/preload/**', '**/cli/**'],
              message: 'The renderer may import only shared and core code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/ipc/register-ipc.ts', 'src/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [SHELL] }] },
  },
  {
    // Tests may use non-null shortcuts and loose casts of fakes that stand in for Electron objects.
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', 'bench/**/*.ts', 'src/main/test-support/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-empty-pattern': 'off',
      'no-empty-pattern': 'off',
      // Fixture callbacks such as `(b) => addEvents(b, …)` read better as shorthands.
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
);
