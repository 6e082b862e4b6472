import nx from '@nx/eslint-plugin';
import baseConfig from '../../eslint.config.mjs';

export default [
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        {
          type: 'attribute',
          prefix: 'sb',
          style: 'camelCase',
        },
      ],
      '@angular-eslint/component-selector': [
        'error',
        {
          type: 'element',
          prefix: 'sb',
          style: 'kebab-case',
        },
      ],
    },
  },
  {
    // The app reads the contracts through their zod-free entry: a value imported from the main
    // one puts zod and every schema in the bundle (apps/crm-e2e/src/app-bundle.e2e.ts checks the
    // build). Specs may use the schemas to check the app's form rules against them.
    files: ['**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@switchboard/contracts',
              message:
                "Import from '@switchboard/contracts/types' (types and zod-free values): the main entry puts zod in the app's bundle.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.html'],
    // Override or add rules here
    rules: {},
  },
];
