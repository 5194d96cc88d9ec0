import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS } from '../../shared/api/methods';

/*
 * The window's only bridge: one named function per API method (never raw ipcRenderer), each
 * sent over the single 'tkpi:api' channel that main validates and dispatches.
 */
const api = Object.fromEntries(API_METHODS.map((method) => [method, (args: unknown) => ipcRenderer.invoke('tkpi:api', method, args)]));

contextBridge.exposeInMainWorld('tkpi', {
  api,
  onRefresh: (listener: () => void) => {
    ipcRenderer.on('tkpi:refresh', () => listener());
  },
});
