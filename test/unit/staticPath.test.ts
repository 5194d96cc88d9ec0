import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticFilePath } from '../../electron/host/staticPath';

const root = path.resolve('/srv/tradekpi/dist/renderer');

describe('the web host static-file path guard', () => {
  it('maps request paths inside the renderer folder to files there', () => {
    expect(staticFilePath(root, '/')).toBe(root);
    expect(staticFilePath(root, '/assets/index-abc.js')).toBe(path.join(root, 'assets/index-abc.js'));
    expect(staticFilePath(root, '/assets/%E5%9B%BE.svg')).toBe(path.join(root, 'assets/图.svg'));
    // Dot segments that stay inside are fine.
    expect(staticFilePath(root, '/assets/../index.html')).toBe(path.join(root, 'index.html'));
  });

  it('refuses paths that leave the folder once decoded', () => {
    expect(staticFilePath(root, '/..%2f..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(staticFilePath(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(staticFilePath(root, '..%2F..%2Fetc%2Fpasswd')).toBeNull();
    expect(staticFilePath(root, '/..')).toBeNull();
  });

  it('refuses a sibling folder whose name starts with the folder name (a prefix test would not)', () => {
    expect(staticFilePath(root, '/..%2frenderer-secret%2fkey.txt')).toBeNull();
    expect(staticFilePath(root, '/..%2frenderer2')).toBeNull();
  });

  it('refuses malformed escapes and NUL bytes instead of throwing', () => {
    expect(staticFilePath(root, '/%E0%A4%A')).toBeNull();
    expect(staticFilePath(root, '/%')).toBeNull();
    expect(staticFilePath(root, '/index.html%00.png')).toBeNull();
  });
});
