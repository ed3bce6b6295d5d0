import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The app's user-data folder, computed as Electron's `app.getPath('userData')` is, so the CLI
 * (plain Node) and the app share one profiles file.
 */
export function userDataDir(
  productName: string,
  platform: string = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  switch (platform) {
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', productName);
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), productName);
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), productName);
  }
}
