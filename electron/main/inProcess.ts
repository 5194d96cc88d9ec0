import { closeData, openAppData } from '../host/dataFolder';
import { dispatch } from '../services/dispatch';
import type { Backend } from './backend';

/**
 * The services inside the Electron main process. better-sqlite3 must be built for Electron
 * here (electron-builder does that when packaging), so this module is loaded lazily.
 */
export async function inProcessBackend(folder: string): Promise<Backend> {
  const data = await openAppData(folder);
  return {
    pageUrl: null,
    call: (method, args) => dispatch(data.services, method, args),
    close: async () => {
      closeData(data);
    },
  };
}
