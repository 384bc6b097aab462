// @ts-check
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;
/** Every folder under src/features is a feature; a new one is covered by the boundaries below. */
const features = readdirSync(`${root}/src/features`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const entries = (except = '') =>
  features.filter((name) => name !== except).map((name) => `./${name}/index.ts`);

// The import boundaries of ../shared/DESIGN.md and the README. Each zone's message starts with
// the rule's name in brackets and says why, so a failing import in CI explains itself.
// Zones match resolved files, so '../../job-log' (the folder) counts as its index.ts.
/** @type {import('eslint-plugin-import-x/rules/no-restricted-paths').Options['zones']} */
const layerZones = [
  ...features.map((feature) => ({
    target: `src/features/${feature}`,
    from: 'src/features',
    except: [`./${feature}`, ...entries(feature)],
    message:
      '[feature-entry] A feature imports another feature only through its public entry, the ' +
      "folder's index.ts (import '../../<feature>'), so each feature can reshape its insides " +
      'without breaking its neighbours.',
  })),
  {
    // Everything but src/app itself and src/main.tsx, which boots it.
    target: ['src/!(app)/**', '!(src)/**', '*'],
    from: 'src/app',
    message:
      '[no-app-import] Nothing imports src/app/ (only src/main.tsx boots it): the shell sits on top ' +
      'and wires the features together; a dependency on it from below is a cycle in the making.',
  },
  {
    target: 'server',
    from: 'src',
    except: ['./contract'],
    message:
      '[server-only-contract] server/ imports only src/contract/ from the app: the wire format is ' +
      'the one thing both sides share; anything else under src/ is browser code.',
  },
  {
    target: ['src/ui', 'src/lib', 'src/api', 'src/config'],
    from: 'src/features',
    message:
      '[one-way-flow] ui, lib, api and config sit below the features (app -> features -> ui, lib, ' +
      'api, config, contract) and never import them: move the shared piece down instead.',
  },
  {
    target: 'src/lib',
    from: ['src/ui', 'src/api'],
    message:
      '[one-way-flow] lib holds pure helpers and imports nothing of ui, api or the features: ' +
      'keep it free of components and the fetch client so anything can use it.',
  },
  {
    // (server/ is src-not-server's.)
    target: 'src/contract',
    from: 'src',
    except: ['./contract'],
    message:
      '[contract-self-contained] src/contract imports nothing outside itself (zod only): the ' +
      'browser, the gateway and the simulator all load it, so it must stay free of their code ' +
      'and of side effects.',
  },
];
// App tests build routes from the features' test fixtures; only the app's own code is held to this.
/** @type {(typeof layerZones)[number]} */
const appThroughEntries = {
  target: 'src/app',
  from: 'src/features',
  except: entries(),
  message:
    "[feature-entry] The app shell reaches a feature only through its index.ts (import '../features/<feature>'): " +
    'what a feature does not export is its own business.',
};
/** @type {(typeof layerZones)[number]} */
const srcNotServer = {
  target: 'src',
  from: 'server',
  message:
    '[src-not-server] src/ never imports server/: the app is a static bundle that talks to the ' +
    'server over HTTP only; share types and schemas through src/contract.',
};

// import-x's no-cycle reports a bare "Dependency cycle detected"; this copy only rewords it so the
// error says which rule and why (ESLint rules take no custom message option).
const noCycle = importX.rules['no-cycle'];
const local = {
  rules: {
    'no-cycle': {
      ...noCycle,
      meta: {
        ...noCycle.meta,
        messages: {
          cycle:
            '[no-cycle] This import closes a dependency cycle: modules in a cycle load in an ' +
            'order that depends on who is imported first, and neither owns what they share. Move ' +
            'the shared piece into a module both can import.',
          cycleSource:
            '[no-cycle] This import closes a dependency cycle via "{{source}}": modules in a ' +
            'cycle load in an order that depends on who is imported first, and neither owns what ' +
            'they share. Move the shared piece into a module both can import.',
        },
      },
    },
  },
};

export default defineConfig([
  globalIgnores([
    'dist',
    '.dist-*',
    'node_modules',
    'playwright-report',
    'test-results',
    'bench/results',
    'bench/peers/dist',
  ]),
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [
      reactHooks.configs.flat.recommended,
      ...pluginQuery.configs['flat/recommended'],
      jsxA11y.flatConfigs.recommended,
    ],
    languageOptions: { globals: globals.browser },
  },
  {
    files: [
      'server/**/*.ts',
      'e2e/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.mjs',
      '*.config.{js,cjs,ts}',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // Import boundaries and cycles, on resolved paths (extension-less in src, '.ts' in server).
  {
    plugins: { 'import-x': importX, local },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { basePath: root, zones: [...layerZones, appThroughEntries, srcNotServer] },
      ],
    },
  },
  {
    // Unit tests drive the server in-process (the simulator and the gateway), so test files and
    // src/test/** may import server/, and app tests may use the features' test fixtures; every
    // other boundary holds for them too.
    files: ['src/**/*.test.{ts,tsx}', 'src/test/**'],
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: layerZones }],
    },
  },
  {
    files: ['src/contract/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Relative paths are left to the zone above, which sees where they resolve.
              regex: '^(?!zod(?:/|$)|\\.)',
              message:
                '[contract-self-contained] src/contract imports no package but zod: the browser, ' +
                'the gateway and the simulator all load it, so it must stay free of their code ' +
                'and of side effects.',
            },
          ],
        },
      ],
    },
  },
  {
    // A cycle makes load order matter and hides which module owns what. Type-only imports are
    // erased at build time, so the rule (by design) follows value imports only.
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts'],
    rules: { 'local/no-cycle': ['error', { ignoreExternal: true }] },
  },
]);
