import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, Menu, app, dialog, ipcMain, session, shell } from 'electron';
import { apiError } from '../../shared/api/errors';
import { isApiMethod } from '../../shared/api/methods';
import { APP_NAME } from '../host/dataFolder';
import type { Backend } from './backend';
import { buildMenu } from './menu';
import { fileActions } from './fileActions';
import { isAppUrl } from './navigation';

/*
 * The Electron main process, kept thin (STYLE rules 2 and 4): one window, a Chinese menu,
 * native dialogs, and one IPC channel that hands validated calls to the services.
 */

const root = path.resolve(__dirname, '../..');
app.setName(APP_NAME);
if (!app.requestSingleInstanceLock()) app.quit();

let window: BrowserWindow | null = null;
let backend: Backend | null = null;

async function startBackend(folder: string): Promise<Backend> {
  try {
    const { inProcessBackend } = await import('./inProcess');
    return await inProcessBackend(folder);
  } catch (error) {
    if (app.isPackaged) throw error;
    // Development: better-sqlite3 is built for Node, so the services run in a web host beside us.
    const { devHostBackend } = await import('./devHost');
    return devHostBackend(root, folder);
  }
}

function createWindow(current: Backend): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 1024,
    minHeight: 680,
    title: 'TradeKPI 外贸业务员绩效与提成',
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      // The packaged app has no developer tools: its data are a company's pay.
      devTools: !app.isPackaged,
    },
  });
  const page = current.pageUrl ?? pathToFileURL(path.join(root, 'dist/renderer/index.html')).href;
  // Only the app's own page may be shown: no other site, no new windows, no redirects out,
  // no frames navigating anywhere, no webviews.
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url, page)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, page)) event.preventDefault();
  });
  win.webContents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  void (current.pageUrl ? win.loadURL(current.pageUrl) : win.loadFile(path.join(root, 'dist/renderer/index.html')));
  return win;
}

app.on('second-instance', () => {
  if (window?.isMinimized()) window.restore();
  window?.focus();
});

app.on('window-all-closed', () => app.quit());
app.on('before-quit', () => void backend?.close());

void app.whenReady().then(async () => {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  const folder = process.env.TKPI_DATA_DIR ? path.resolve(process.env.TKPI_DATA_DIR) : app.getPath('userData');
  fs.mkdirSync(folder, { recursive: true });
  try {
    backend = await startBackend(folder);
  } catch (error) {
    dialog.showErrorBox('TradeKPI 无法打开数据文件', error instanceof Error ? error.message : String(error));
    app.quit();
    return;
  }
  const current = backend;
  ipcMain.handle('tkpi:api', (event, method: unknown, args: unknown) => {
    if (event.sender !== window?.webContents || typeof method !== 'string' || !isApiMethod(method)) {
      return { ok: false, error: apiError('internal', { detail: '拒绝的调用' }) };
    }
    return current.call(method, args);
  });
  window = createWindow(current);
  Menu.setApplicationMenu(buildMenu(fileActions(window, current, folder, shell), { devTools: !app.isPackaged }));
});
