import { resolve } from 'node:path';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

/** Every installed package, and any subpath of it (`@okta/okta-sdk-nodejs/…`), stays an import. */
const packages = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)];
const escape = (name: string): string => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Build of the benchmark runner (`npm run bench`): bench/run-benchmarks.ts and what it imports
 * (the engine, the demo tenant, the main-process handlers, the e2e bridge fixtures) as one ES
 * module for plain Node, which cannot run TypeScript.
 *
 * Installed packages stay external and resolve from node_modules when it runs from the
 * repository: keytar is native, and Playwright finds its own driver files relative to itself.
 * ESM rather than the CLI's CommonJS so the runner can find the repository with
 * `import.meta.dirname`.
 *
 * A second entry, bench/demo-tenant-child.ts → out/bench/demo-tenant-child.mjs, is the demo tenant
 * P2 forks into a process of its own; the code both entries share goes to chunks in the same
 * folder, so the runner finds the child next to itself.
 */
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/bench',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rolldownOptions: {
      external: [
        ...builtinModules,
        ...builtinModules.map((m) => `node:${m}`),
        ...packages.map((name) => new RegExp(`^${escape(name)}(/.*)?$`)),
        'electron',
      ],
      input: {
        'run-benchmarks': resolve(import.meta.dirname, 'bench/run-benchmarks.ts'),
        'demo-tenant-child': resolve(import.meta.dirname, 'bench/demo-tenant-child.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
    },
  },
});
