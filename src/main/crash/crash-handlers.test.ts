import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { KnownSecrets } from '../secrets/known-secrets';
import { describeCrash, installCrashHandlers } from './crash-handlers';

const STORED = 'plain-looking-client-secret-4f1a9c';

function setup() {
  const secrets = new KnownSecrets();
  secrets.remember(STORED);
  const source = new EventEmitter();
  const lines: string[] = [];
  let fatal = 0;
  installCrashHandlers(source, { log: (line) => lines.push(line), onFatal: () => (fatal += 1), secrets });
  return { source, lines, fatal: () => fatal };
}

describe('crash handlers', () => {
  it('log an unhandled rejection masked, and keep the process going', () => {
    const { source, lines, fatal } = setup();
    source.emit(
      'unhandledRejection',
      new Error(`keychain said: ${STORED} / Authorization: SSWS 00abcdefghijklmnopqrstuvwxyz`),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[crash\] unhandled rejection: Error: keychain said: \[redacted\]/);
    expect(lines[0]).not.toContain(STORED);
    expect(lines[0]).not.toContain('00abcdefghijklmnopqrstuvwxyz');
    expect(fatal()).toBe(0);
  });

  it('log an uncaught exception masked, then end the process', () => {
    const { source, lines, fatal } = setup();
    source.emit('uncaughtException', new TypeError(`bad request body {"client_secret":"${STORED}"}`));
    expect(lines[0]).toMatch(/^\[crash\] uncaught exception: TypeError: bad request body/);
    expect(lines[0]).not.toContain(STORED);
    expect(fatal()).toBe(1);
  });

  it('keep the message and the first stack frames only, and describe a thrown non-error', () => {
    const deep = new Error('deep');
    deep.stack = ['Error: deep', ...Array.from({ length: 50 }, (_, i) => `    at frame${String(i)} (x.js:1:1)`)].join(
      '\n',
    );
    const line = describeCrash('uncaught exception', deep, new KnownSecrets());
    expect(line.split('\n')).toHaveLength(9);
    expect(line).toContain('frame7');
    expect(line).not.toContain('frame8');
    expect(
      describeCrash(
        'unhandled rejection',
        `raw string ${STORED}`,
        (() => {
          const s = new KnownSecrets();
          s.remember(STORED);
          return s;
        })(),
      ),
    ).toBe('[crash] unhandled rejection: raw string [redacted]');
  });
});
