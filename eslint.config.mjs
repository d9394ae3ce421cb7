// ESLint 9 flat config: Next's core-web-vitals rules, typescript-eslint's type-aware recommended rules,
// react-hooks, jsx-a11y's recommended rules, and eslint-config-prettier last (formatting is Prettier's).
//
// TypeScript versions: `tsc` (npm run typecheck) is TypeScript 7, the native compiler, installed under the
// alias `@typescript/native`. TypeScript 7.0 has no JavaScript compiler API, which typescript-eslint needs
// (its peer range is `<6.1.0`), so the package named `typescript` is Microsoft's side-by-side TypeScript 6
// (`npm:@typescript/typescript6`, binary `tsc6`): typescript-eslint, eslint-config-next and Next.js resolve it.
// The alias name sorts before `@typescript/old` (the 6.0 package the side-by-side one wraps), so npm links
// `node_modules/.bin/tsc` to TypeScript 7. The `overrides` entry in package.json keeps typescript-eslint's
// optional peer `@typescript/native` (7.1 previews, for its experimental native backend) on that same 7.0.
// When typescript-eslint supports TypeScript 7, go back to a plain `"typescript": "7.x"`.
import { defineConfig, globalIgnores } from 'eslint/config';
import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import prettier from 'eslint-config-prettier/flat';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    '.next*/**',
    'lib/db/generated/**',
    'node_modules/**',
    'bench/.data/**',
    'playwright-report/**',
    'test-results/**',
    'e2e/.tmp/**',
    'e2e/.auth/**',
    'data/**',
    'next-env.d.ts',
  ]),
  // Registers react, react-hooks, import, jsx-a11y, @next/next and @typescript-eslint (typescript-eslint's parser
  // for .ts/.tsx), with React's, react-hooks' and Next's recommended rules.
  ...nextCoreWebVitals,
  // react-hooks' recommended rules (the React Compiler's checks included); Next's config registers the plugin.
  { name: 'react-hooks/recommended', rules: reactHooks.configs.flat.recommended.rules },
  // Rules only: Next's config registers the jsx-a11y plugin (as its own copy of the module object, which ESLint
  // would refuse to redefine).
  { name: 'jsx-a11y/recommended', rules: jsxA11y.flatConfigs.recommended.rules },
  {
    name: 'typescript-eslint/type-checked',
    files: ['**/*.{ts,tsx,mts,cts}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // The few JavaScript files (configs, the CLI's shim, install scripts) are not in tsconfig's project.
    name: 'typescript-eslint/javascript',
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.recommended],
  },
  {
    name: 'project',
    rules: {
      // A leading underscore marks a deliberately unused binding (a parameter a signature needs, a field
      // dropped from a copy by destructuring); the rest of the rule stays.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Off: `async` with no `await` is how the code implements a Promise-returning interface (Prisma's
      // driver adapter, route handlers, test doubles) with a synchronous body, so a throw becomes a rejection.
      '@typescript-eslint/require-await': 'off',
      // Labelled scroll containers and chart groups take focus so a keyboard can scroll them (axe's
      // scrollable-region-focusable, checked by the e2e accessibility spec); other roles stay refused.
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'region', 'group'], allowExpressionValues: true }],
    },
  },
  {
    name: 'project/tests',
    files: ['**/*.test.{ts,tsx}', 'e2e/**/*.ts'],
    rules: {
      // Off in tests only: they read untyped JSON on purpose (response bodies, the CLI's and the benchmark's
      // output) and check its shape with matchers, and Vitest's and Playwright's asymmetric matchers
      // (expect.any(), expect.objectContaining()) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  prettier,
);
