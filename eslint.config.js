import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.fristad-data/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // No import cycles anywhere in src: a cycle is a layering mistake waiting to bite (a module
    // half-initialised at import), and the house is easier to change when it flows one way.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Small files: past 400 lines a file holds more than one thing; split it by use case.
      'max-lines': ['error', { max: 400 }],
    },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The domain holds pure rules used by server and browser alike: no IO, no server code.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'crypto'], message: 'src/domain has no IO.' },
            {
              group: ['kysely', 'fastify', 'pg', '@electric-sql/*'],
              message: 'src/domain has no IO.',
            },
            {
              group: ['**/server/**', '**/web/**', '**/cli/**'],
              message: 'src/domain stands alone.',
            },
          ],
        },
      ],
    },
  },
  {
    // The contract is shared by the server's routes and the web app: schemas and types only.
    files: ['src/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/web/**', '**/cli/**', 'node:*'],
              message: 'src/contract holds schemas only; the server and the web app import it.',
            },
          ],
        },
      ],
    },
  },
  {
    // Personal data is decrypted where it is presented, masked as the viewer may see it: a
    // command that decrypts can hand plain text on without the presenter's masking.
    files: ['src/server/**/*.ts'],
    ignores: [
      'src/server/**/*.presenter.ts',
      'src/server/platform/crypto/**',
      'src/server/platform/auth/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/crypto/field-encryption'],
              importNames: ['decryptField', 'decryptOptional'],
              message: 'Decrypt in the feature’s presenter (*.presenter.ts), never in a use case.',
            },
          ],
        },
      ],
    },
  },
  {
    // The queries live in repositories: a use case says what it needs by name, and every SQL
    // statement of a table can be found (and checked for its version and its organisation) in
    // one place. Migrations, backup and the seeds write the database as a whole.
    files: ['src/server/**/*.ts'],
    ignores: [
      'src/server/**/*.repository.ts',
      'src/server/platform/db/**',
      'src/server/seed/**',
      'src/server/**/*.test.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom|with|withRecursive)$/]',
          message: 'Queries belong in a *.repository.ts file; call a repository function here.',
        },
        {
          selector:
            "ImportDeclaration[source.value='kysely'][importKind!='type'] ImportSpecifier[imported.name='sql'][importKind!='type']",
          message: 'Raw SQL belongs in a *.repository.ts file.',
        },
      ],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/cli/**'],
              message: 'The web app talks to the server over HTTP only.',
            },
          ],
        },
      ],
    },
  },
);
