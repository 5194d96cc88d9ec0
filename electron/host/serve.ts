import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeData, dataFolder, openAppData } from './dataFolder';
import { startWebHost } from './webHost';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The page's localStorage (the chosen quarter, language, list filters) belongs to its address,
 * port included: a fixed port keeps those choices from one start to the next. When it is busy
 * (a second copy running) any free port serves instead.
 */
const PREFERRED_PORT = 47813;

async function listen(services: Parameters<typeof startWebHost>[0]['services'], port: number | undefined) {
  const rendererDir = path.join(root, 'dist/renderer');
  if (port !== undefined) return startWebHost({ services, rendererDir, port });
  try {
    return await startWebHost({ services, rendererDir, port: PREFERRED_PORT });
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EADDRINUSE') throw error;
    return startWebHost({ services, rendererDir });
  }
}

/**
 * `npm run serve`, and `npm start` where Electron is missing: the app in the browser at a
 * 127.0.0.1 address. With `--json` the address is printed as one JSON line (for the window's
 * development mode and the end-to-end tests).
 */
export async function serve(options: { json?: boolean; port?: number; reason?: string } = {}): Promise<void> {
  let data;
  try {
    data = await openAppData(dataFolder());
  } catch (error) {
    console.error(`TradeKPI 无法打开数据文件夹 ${dataFolder()}：${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const host = await listen(data.services, options.port);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ url: host.url, port: host.port, token: host.token, file: data.file })}\n`);
  } else {
    if (options.reason) console.log(options.reason);
    if (data.damage) console.log(`${data.damage.message}。请在浏览器中选择要恢复的备份。`);
    console.log(`TradeKPI 已在浏览器模式启动 / running in the browser:\n  ${host.url}\n数据文件 / data file: ${data.file}\n按 Ctrl+C 退出 / Ctrl+C to stop`);
  }
  const stop = () => {
    void host.close().then(() => {
      closeData(data);
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const portArg = process.argv.find((a) => a.startsWith('--port='));
  void serve({ json: process.argv.includes('--json'), port: portArg ? Number(portArg.slice(7)) : undefined });
}
