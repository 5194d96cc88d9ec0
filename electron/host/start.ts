import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve';

/*
 * `npm start`: the Electron window where Electron is installed; otherwise the same app in the
 * browser through the local web host, saying why, instead of crashing.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function electronBinary(): { path: string } | { reason: string } {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' ? { path: binary } : { reason: 'the electron package did not give a binary path' };
  } catch (error) {
    return { reason: (error as Error).message };
  }
}

function fallBack(reason: string): void {
  void serve({ reason: `没有可用的 Electron（${reason}），改为在浏览器中打开。\nElectron is not available (${reason}); starting the browser version instead.` });
}

const electron = process.env.TKPI_WEB === '1' ? { reason: 'TKPI_WEB=1' } : electronBinary();
if ('reason' in electron) {
  fallBack(electron.reason);
} else {
  const child = spawn(electron.path, [path.join(root, 'dist/electron/main.cjs')], { stdio: 'inherit', cwd: root });
  child.on('error', (error) => fallBack(error.message));
  child.on('exit', (code) => process.exit(code ?? 0));
}
