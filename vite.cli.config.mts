import { resolve } from 'node:path';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

/**
 * Build of the headless CLI: one CommonJS file for plain Node (no Electron), with the
 * runtime dependencies left external so native modules resolve from node_modules.
 */
export default defineConfig({
  build: {
    ssr: resolve(import.meta.dirname, 'src/cli/index.ts'),
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rolldownOptions: {
      external: [
        ...builtinModules,
        ...builtinModules.map((m) => `node:${m}`),
        ...Object.keys(pkg.dependencies),
        'electron',
      ],
      output: {
        format: 'cjs',
        entryFileNames: 'signin-triage.js',
        banner: '#!/usr/bin/env node',
      },
    },
  },
});
