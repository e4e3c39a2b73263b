// ESLint flat config. The one rule that matters most: src/core stays pure (no vscode, no Node built-ins),
// so the recognition core, sidecar format and exporters run in the CLI, in tests and anywhere else.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-exports': ['error', { restrictDefaultExports: { direct: true } }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core is pure: the vscode API belongs in src/features or src/extension.ts.' },
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'src/core is pure: Node built-ins go behind a port (see src/core/ports) implemented in a host.',
            })),
          ],
        },
      ],
    },
  },
);
