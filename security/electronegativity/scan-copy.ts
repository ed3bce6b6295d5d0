import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

/** Folders of `out/` that are not part of the app: the benchmarks are built there but never shipped. */
const NOT_SHIPPED: readonly string[] = ['bench'];

const SCRIPT = /\.(c|m)?js$/;

/**
 * Copies a build folder for Electronegativity, with every script down-levelled to ES2018.
 *
 * Why: Electronegativity 1.10.3 parses with esprima 4 and falls back to a Babel AST that its
 * traversal cannot walk when it meets class private fields or static blocks, which our ES2022
 * build is full of. It then reports the file as unparsable and scans nothing in it — and because
 * `will-navigate` and the permission handler live in `main/index.js`, its global checks would
 * even report them missing. Down-levelling keeps every call, option object and string literal
 * the checks look for (TypeScript only rewrites syntax), so the scan sees what ships.
 *
 * Returns the paths copied, relative to `to`.
 */
export async function prepareScanCopy(from: string, to: string): Promise<readonly string[]> {
  const copied: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const source = join(dir, entry.name);
      const rel = relative(from, source);
      if (entry.isDirectory()) {
        if (!NOT_SHIPPED.includes(rel)) await walk(source);
        continue;
      }
      if (!entry.isFile() || rel.endsWith('.map')) continue;
      const target = join(to, rel);
      await mkdir(dirname(target), { recursive: true });
      if (SCRIPT.test(entry.name)) await writeFile(target, downlevel(await readFile(source, 'utf8'), source));
      else await copyFile(source, target);
      copied.push(rel);
    }
  };
  await walk(from);
  return copied.sort();
}

/** Rewrites modern syntax only: module syntax is preserved, so `require` and `import` stay visible. */
function downlevel(code: string, fileName: string): string {
  return ts.transpileModule(code, {
    fileName,
    compilerOptions: {
      target: ts.ScriptTarget.ES2018,
      module: ts.ModuleKind.Preserve,
      allowJs: true,
      sourceMap: false,
    },
  }).outputText;
}
