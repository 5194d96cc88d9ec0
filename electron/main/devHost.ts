import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { httpBackend, type Backend } from './backend';

/**
 * In development better-sqlite3 is built for Node, not for Electron (it is rebuilt only when
 * packaging), so the services run in a Node web host beside the window and the window loads
 * its page. The data folder is the same.
 */
export function devHostBackend(root: string, folder: string): Promise<Backend> {
  const node = process.env.npm_node_execpath ?? 'node';
  const child = spawn(node, [path.join(root, 'bin/run-ts.js'), 'electron/host/serve.ts', '--json'], {
    cwd: root,
    env: { ...process.env, TKPI_DATA_DIR: folder, ELECTRON_RUN_AS_NODE: undefined },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`web host exited with ${code}`)));
    readline.createInterface({ input: child.stdout }).once('line', (line) => {
      const { url, token } = JSON.parse(line) as { url: string; token: string };
      resolve(httpBackend(url, token, async () => void child.kill()));
    });
  });
}
