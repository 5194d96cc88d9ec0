import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve';

/*
 * `npm start`: the Electron window where Electron is installed; otherwise the same app in the
 * browser through the local web host, saying why, instead of crashing.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const require = createRequire(import.meta.url);

function electronBinary(): { path: string } | { reason: string } {
  try {
    const binary = require('electron') as unknown;
    return typeof binary === 'string' ? { path: binary } : { reason: 'the electron package did not give a binary path' };
  } catch (error) {
    return { reason: (error as Error).message };
  }
}

/**
 * Electron's binary comes from outside the npm registry, so `npm install` does not fetch it
 * (an offline machine would fail the whole install). The first start fetches it instead, and
 * where that cannot be done the app opens in the browser.
 */
function fetchElectron(): void {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return;
  console.log('正在下载 Electron（仅首次启动）… / downloading Electron (first start only)…');
  const result = spawnSync(process.execPath, [require.resolve('electron/install.js')], {
    stdio: ['ignore', 'inherit', 'pipe'],
    timeout: 300_000,
    encoding: 'utf8',
  });
  if (result.status !== 0) console.log(`下载失败 / download failed: ${result.stderr.split('\n')[0] ?? ''}`);
}

function findElectron(): { path: string } | { reason: string } {
  const first = electronBinary();
  if ('path' in first) return first;
  fetchElectron();
  return electronBinary();
}

function fallBack(reason: string): void {
  void serve({
    reason: `没有可用的 Electron（${reason}），改为在浏览器中打开。\nElectron is not available (${reason}); starting the browser version instead.`,
  });
}

const electron = process.env.TKPI_WEB === '1' ? { reason: 'TKPI_WEB=1' } : findElectron();
if ('reason' in electron) {
  fallBack(electron.reason);
} else {
  const child = spawn(electron.path, [path.join(root, 'dist/electron/main.cjs')], { stdio: 'inherit', cwd: root });
  child.on('error', (error) => fallBack(error.message));
  child.on('exit', (code) => process.exit(code ?? 0));
}
