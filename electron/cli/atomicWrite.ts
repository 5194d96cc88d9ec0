import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../shared/api/errors';

/*
 * Files appear under their final names only when complete: a command killed midway leaves at
 * most a hidden `.….partial` file or folder, never a 0-byte or half-written workbook that looks
 * finished, nor half of a per-person set.
 */

/** `--out` must be a folder (made if missing); a file there, or an unwritable path, is bad input. */
export function outputFolder(out: string): string {
  if (fs.existsSync(out) && !fs.statSync(out).isDirectory()) throw new DomainError('cli.outNotDir', { out }, { field: '--out' });
  try {
    fs.mkdirSync(out, { recursive: true });
  } catch (error) {
    throw new DomainError('cli.outUnwritable', { out, reason: (error as NodeJS.ErrnoException).code ?? String(error) }, { field: '--out' });
  }
  return out;
}

function partialName(final: string): string {
  return path.join(path.dirname(final), `.${path.basename(final)}.${process.pid}.partial`);
}

/** Writes under a temporary name beside the final one, then renames (atomic on one volume). */
export function writeFileAtomically(final: string, bytes: Uint8Array): string {
  const partial = partialName(final);
  try {
    fs.writeFileSync(partial, bytes);
    fs.renameSync(partial, final);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return final;
}

/**
 * Writes a set of files into a fresh folder `<out>/<name>` (`<name> (2)` and so on when that
 * exists, so an earlier export, perhaps with filled forms, is never touched): the files go into
 * a hidden temporary folder that is renamed when all are written.
 */
export function writeFolderAtomically(out: string, name: string, files: readonly { fileName: string; bytes: Uint8Array }[]): string {
  let final = path.join(out, name);
  for (let n = 2; fs.existsSync(final); n++) final = path.join(out, `${name} (${n})`);
  const partial = partialName(final);
  fs.mkdirSync(partial);
  try {
    for (const file of files) fs.writeFileSync(path.join(partial, file.fileName), file.bytes);
    fs.renameSync(partial, final);
  } finally {
    fs.rmSync(partial, { recursive: true, force: true });
  }
  return final;
}
