import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { RENDERER_CSP_META } from './src/main/window/csp';

/**
 * Bakes the CSP into the built page as a <meta> tag, in addition to the response header the
 * app:// protocol sends: defence in depth should the page ever be loaded another way. Build
 * only, because Vite's dev server needs inline scripts for hot reload.
 */
function cspMetaTag(): Plugin {
  return {
    name: 'signin-triage:csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: RENDERER_CSP_META },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * Build of the three Electron targets.
 *
 * - main: CommonJS for Electron's Node; runtime `dependencies` stay external (native keytar, SDKs).
 * - preload: ONE CommonJS file with nothing external but `electron`, because a sandboxed preload
 *   cannot `require` anything else. It imports only the channel map, never zod or the handlers.
 * - renderer: minified, no network (the CSP forbids it), served from the app:// protocol.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), cspMetaTag()],
    resolve: {
      alias: {
        // recharts' decimal.js-light: its "browser" entry is a UMD file holding a (dead)
        // `Function('return this')`; the ES module build has none, so nothing eval-like ships
        // under a CSP that forbids eval.
        'decimal.js-light': resolve(__dirname, 'node_modules/decimal.js-light/decimal.mjs'),
      },
    },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      rolldownOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
