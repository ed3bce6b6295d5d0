import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { userDataDir } from './user-data-dir';

describe('userDataDir (the folder Electron’s app.getPath("userData") names)', () => {
  it.each([
    ['linux', {}, join(homedir(), '.config', 'Sign-in Triage')],
    ['linux', { XDG_CONFIG_HOME: '/cfg' }, join('/cfg', 'Sign-in Triage')],
    ['darwin', {}, join(homedir(), 'Library', 'Application Support', 'Sign-in Triage')],
    ['win32', { APPDATA: 'C:\\Users\\j\\AppData\\Roaming' }, join('C:\\Users\\j\\AppData\\Roaming', 'Sign-in Triage')],
  ])('%s %j', (platform, env, expected) => {
    expect(userDataDir('Sign-in Triage', platform, env)).toBe(expected);
  });
});
