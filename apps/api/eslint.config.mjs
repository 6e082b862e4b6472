import { createNodeResolver } from 'eslint-plugin-import-x';
import baseConfig from '../../eslint.config.mjs';

/** The domains of the api: each may use the platform; the platform never uses one of them. */
const features = [
  'auth',
  'bot',
  'bulk',
  'canned-responses',
  'channels',
  'chat',
  'contacts',
  'docs',
  'health',
  'labels',
  'notifications',
  'search',
  'static',
  'stats',
  'users',
];
const platform = ['common', 'config', 'database'];

export default [
  ...baseConfig,
  {
    files: ['src/**/*.ts'],
    // Relative imports resolved as Node does (with TypeScript's extensions), enough to know their room.
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })] },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: platform.map((room) => ({
            target: `./src/app/${room}`,
            from: features.map((feature) => `./src/app/${feature}`),
            message: `${room}/ is the platform under every feature: pass what it needs in (see entities.ts) instead of importing a feature.`,
          })),
        },
      ],
    },
  },
];
