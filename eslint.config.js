// Lint rules that keep the architecture visible (STYLE.md rule 1): each root folder runs in one
// runtime, and an import that crosses the line says why it is refused.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeOnly = {
  group: ['node:*', 'electron', 'better-sqlite3', 'fs', 'path', 'os', 'child_process'],
  message: 'shared/ and renderer/ run in the browser too: Node, Electron and SQLite belong in electron/.',
};
const uiOnly = { group: ['react', 'react-dom', 'zustand', 'antd', '**/renderer/**'], message: 'shared/ is pure domain code: UI belongs in renderer/.' };
const rendererToApi = { group: ['**/electron/**'], message: 'The renderer talks only to the API contract in shared/api.' };
// Issue 12: every change goes through useMutation (so every screen refreshes after it), every read
// through useQuery/usePagedRows, and a call that writes nothing through useAction: only
// renderer/api/* may hold the raw client.
const callFunnel = {
  group: ['**/api/client'],
  importNames: ['call', 'api'],
  message: 'Use useMutation (a change), useQuery (data for the screen) or useAction (an export or look-up) from renderer/api/hooks.',
};
// A page is a leaf: what two pages share lives in renderer/components/.
const pageToPage = {
  group: ['./*Page', '../*Page', '../../pages/*Page', '**/pages/*Page'],
  message: 'A page never imports another page: move the shared piece to renderer/components/.',
};
// Issue 12: an error value is made by apiError(code, params) (shared/api/errors.ts), which renders its
// message from the catalogue, so no screen can show a raw `{detail}` or an untranslatable sentence.
const handMadeError = {
  selector: "Property[key.name='error'] > ObjectExpression:has(> Property[key.name='code'])",
  message: 'Build an error value with apiError(code, params) from shared/api/errors.ts.',
};
// Issue 12.1: a ReadDb becomes a WriteDb (or a raw connection) only inside electron/db/, so a read handler cannot cast its way to writing.
const handleCasts = {
  group: ['**/db/handles'],
  importNames: ['asWriteDb', 'connectionOf'],
  message: 'Only electron/db/ turns a connection into a handle: take a ReadDb or WriteDb parameter instead.',
};
// SQL is compiled in electron/db/ only (STYLE rule 5): a write handler's WriteDb is still a whole connection.
const rawSql = {
  selector: "CallExpression[callee.object.name='db'][callee.property.name=/^(prepare|exec|pragma|transaction)$/]",
  message: 'SQL lives in electron/db/: call a repository function (inTransaction for a transaction).',
};
// zustand re-renders a component on every change of what it reads: read one field through a selector.
const wholeStore = {
  selector: "CallExpression[callee.name='useAppStore'][arguments.length=0]",
  message: 'Read the store through a selector, useAppStore((s) => s.field), so a change re-renders only what reads it.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'bench/.data/', 'test/fixtures/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // A hook after an early return breaks the page the moment the return is taken (React error 300).
  { files: ['renderer/**/*.tsx', 'renderer/**/*.ts'], plugins: { 'react-hooks': reactHooks }, rules: { 'react-hooks/rules-of-hooks': 'error' } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  { files: ['{shared,electron,renderer}/**/*.{ts,tsx}'], rules: { 'no-restricted-syntax': ['error', handMadeError] } },
  { files: ['shared/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [nodeOnly, uiOnly] }] } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [nodeOnly, rendererToApi, callFunnel] }],
      'no-restricted-syntax': ['error', wholeStore, handMadeError],
    },
  },
  // The hooks are the one place that may call the API directly.
  { files: ['renderer/api/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', { patterns: [nodeOnly, rendererToApi] }] } },
  { files: ['renderer/pages/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', { patterns: [nodeOnly, rendererToApi, callFunnel, pageToPage] }] } },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**', 'react', 'zustand', 'antd'], message: 'The services never touch React: the UI reaches them through the API contract.' },
          ],
        },
      ],
    },
  },
  {
    // Issue 12.1: what a function may do to the file is in its handle's type (db/handles.ts); outside electron/db/ nobody re-brands a handle or compiles SQL on it.
    files: ['electron/**/*.ts'],
    ignores: ['electron/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**', 'react', 'zustand', 'antd'], message: 'The services never touch React: the UI reaches them through the API contract.' },
            handleCasts,
          ],
        },
      ],
      'no-restricted-syntax': ['error', handMadeError, rawSql],
    },
  },
  {
    // SQL lives in electron/db/ (STYLE rule 5, issue 12): services call repository functions and never compile a statement or splice a fragment.
    files: ['electron/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**', 'react', 'zustand', 'antd'], message: 'The services never touch React: the UI reaches them through the API contract.' },
            handleCasts,
            {
              group: ['**/db/statements'],
              importNames: ['preparedRead', 'preparedWrite'],
              message: 'Services do not write SQL: add a function to a repository in electron/db/repositories/ and call it (inTransaction stays available).',
            },
            {
              group: ['**/db/cnySql', '**/db/quarterSql'],
              message: 'SQL fragments are for electron/db/: a service calls the repository query that uses them.',
            },
          ],
        },
      ],
    },
  },
  {
    // The command line is a client of the API like the window (issue 12): no service, reader or SQL behind the dispatcher's back.
    files: ['electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**', 'react', 'zustand', 'antd'], message: 'The services never touch React: the UI reaches them through the API contract.' },
            {
              group: ['../services/*', '!../services/index', '!../services/dispatch', '../forms/*', '../bank/*', '../db/*', '!../db/connection'],
              message: 'tkpi calls the API (createApi/call in electron/cli/apiClient.ts), never a service directly, so it validates as the window does.',
            },
          ],
        },
      ],
    },
  },
  { files: ['**/*.js'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
);
