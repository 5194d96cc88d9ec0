import path from 'node:path';

/**
 * The file under `root` that a request path names, or null when it names nothing there: a
 * malformed escape, a NUL byte, or a path that leaves `root` once decoded (`/a/..%2f..%2fetc`,
 * or a sibling folder such as `root-secret`, which a plain prefix test would let through).
 */
export function staticFilePath(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, decoded.replace(/^[/\\]+/, ''));
  // The guard: whatever the decoded path says, the file must lie inside root.
  const relative = path.relative(base, file);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return null;
  return file;
}
