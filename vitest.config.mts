import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Test projects, one per runtime:
 * - core: the pure engine and shared contract, in plain Node;
 * - main: main-process modules, preload and CLI in Node, with `electron` mocked where imported;
 * - renderer: React components in happy-dom;
 * - keychain: the real OS keychain; run inside scripts/with-keyring.sh;
 * - no-keychain: the same store with the Secret Service unreachable (env below), proving the
 *   clear error. Its own project so no earlier D-Bus connection in the worker can mask it;
 * - security: the Electronegativity gate over the built out/ (after `npm run build`);
 * - bench: vitest benchmarks (`npm run bench:vitest`); `npm run bench` runs bench/run-benchmarks.ts.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'core', environment: 'node', include: ['src/core/**/*.test.ts', 'src/shared/**/*.test.ts'] },
      },
      {
        test: {
          name: 'main',
          environment: 'node',
          include: ['src/main/**/*.test.ts', 'src/preload/**/*.test.ts', 'src/cli/**/*.test.ts'],
          exclude: ['**/*.keychain.test.ts', '**/*.no-keychain.test.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          setupFiles: ['src/renderer/test-setup.ts'],
          include: ['src/renderer/**/*.test.ts', 'src/renderer/**/*.test.tsx'],
        },
      },
      {
        test: { name: 'keychain', environment: 'node', include: ['src/**/*.keychain.test.ts'], testTimeout: 20_000 },
      },
      {
        test: {
          name: 'security',
          environment: 'node',
          include: ['security/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: { name: 'bench', environment: 'node', include: [], benchmark: { include: ['bench/**/*.bench.ts'] } },
      },
      {
        test: {
          name: 'no-keychain',
          environment: 'node',
          include: ['src/**/*.no-keychain.test.ts'],
          env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/signin-triage-test/bus', DISPLAY: '' },
        },
      },
    ],
  },
});
