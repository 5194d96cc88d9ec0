// Where the compiled `tkpi` lives, and whether it is current. `bin/build-electron.js` writes the
// bundle and, beside it, the list of this repository's source files that went into it; the bundle
// is used only when every one of them is older than it, so an edited source is never shadowed by
// a stale build (the command then runs the TypeScript through tsx, as before any build).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE = path.join(ROOT, 'dist/cli/tkpi.cjs');
export const CLI_INPUTS = path.join(ROOT, 'dist/cli/tkpi.inputs.json');

/** The bundle's path when it exists and no source it was built from is newer; otherwise null. */
export function freshCliBundle(root = ROOT) {
  const bundle = path.join(root, path.relative(ROOT, CLI_BUNDLE));
  try {
    const built = fs.statSync(bundle).mtimeMs;
    const inputs = JSON.parse(fs.readFileSync(path.join(root, path.relative(ROOT, CLI_INPUTS)), 'utf8'));
    for (const file of inputs) if (fs.statSync(path.join(root, file)).mtimeMs > built) return null;
    return bundle;
  } catch {
    // No build yet, or a source was removed or renamed since: run from the sources.
    return null;
  }
}
