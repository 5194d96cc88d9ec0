import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshCliBundle } from '../../bin/cliBundle.js';
import { tempDir } from '../helpers';

/** A checkout with one source and a build of it, the build one minute newer. */
function checkout(): { root: string; source: string; bundle: string } {
  const root = tempDir();
  const source = path.join(root, 'electron/cli/main.ts');
  const bundle = path.join(root, 'dist/cli/tkpi.cjs');
  fs.mkdirSync(path.dirname(source), { recursive: true });
  fs.mkdirSync(path.dirname(bundle), { recursive: true });
  fs.writeFileSync(source, '// source');
  fs.writeFileSync(bundle, '// bundle');
  fs.writeFileSync(path.join(root, 'dist/cli/tkpi.inputs.json'), JSON.stringify(['electron/cli/main.ts']));
  const now = Date.now() / 1000;
  fs.utimesSync(source, now - 60, now - 60);
  fs.utimesSync(bundle, now, now);
  return { root, source, bundle };
}

describe('bin/tkpi.js runs the compiled CLI only when it is current', () => {
  it('takes a build newer than every source it lists', () => {
    const { root, bundle } = checkout();
    expect(freshCliBundle(root)).toBe(bundle);
  });

  it('runs the sources when one was edited after the build, removed, or there is no build', () => {
    const edited = checkout();
    const later = Date.now() / 1000 + 60;
    fs.utimesSync(edited.source, later, later);
    expect(freshCliBundle(edited.root), 'a source newer than the build').toBeNull();

    const removed = checkout();
    fs.rmSync(removed.source);
    expect(freshCliBundle(removed.root), 'a listed source that is gone').toBeNull();

    const unbuilt = checkout();
    fs.rmSync(unbuilt.bundle);
    expect(freshCliBundle(unbuilt.root), 'no bundle').toBeNull();
  });
});
