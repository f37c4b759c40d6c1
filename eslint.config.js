import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'demo-output/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Never inject page-derived HTML (DESIGN.md).' },
      ],
    },
  },
  {
    // lib/ is logic the UI builds on; mounting React lives in the entrypoints. An import the
    // other way round makes cycles (panel UI → content logic → panel UI) and drags React into
    // bundles that need none.
    files: ['lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/components/*', '**/components/*'], message: 'lib/ must not import components/: mount UI from entrypoints/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}', 'tests/crm-site/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
