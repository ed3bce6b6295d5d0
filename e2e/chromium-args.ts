/**
 * How the system Chromium is launched for the renderer's tests and benchmarks: Debian's
 * Chromium run as root needs --no-sandbox, and nothing may reach the network or update itself.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
