import type { Api, ApiArgs, ApiMethod, ApiResults } from '../../shared/api/contract';
import type { Result } from '../../shared/api/errors';
import { API_METHODS } from '../../shared/api/methods';

type Bridge = { api: Record<string, (args: unknown) => Promise<unknown>>; onRefresh(listener: () => void): void };

declare global {
  interface Window {
    tkpi?: Bridge;
  }
}

/** The page's per-run token: given in its address by the web host, kept for reloads. */
function token(): string | null {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) sessionStorage.setItem('tkpi-token', fromUrl);
  return fromUrl ?? sessionStorage.getItem('tkpi-token');
}

async function overHttp(method: ApiMethod, args: unknown): Promise<Result<unknown>> {
  try {
    const response = await fetch(`./api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-TKPI-Token': token() ?? '' },
      body: JSON.stringify(args ?? {}),
    });
    if (!response.ok) {
      const detail = `服务器拒绝了请求（HTTP ${response.status}）${(await response.text()).slice(0, 200)}`;
      return { ok: false, error: { code: 'internal', message: detail, params: { detail } } };
    }
    return (await response.json()) as Result<unknown>;
  } catch (error) {
    const detail = `无法连接 TradeKPI 服务：${String(error)}`;
    return { ok: false, error: { code: 'internal', message: detail, params: { detail } } };
  }
}

/**
 * The API contract as the UI sees it: through the Electron preload when the page runs in the
 * window, over HTTP to the local web host otherwise (a token in the address says which).
 */
function createClient(): Api {
  const bridge = window.tkpi && !token() ? window.tkpi : null;
  const client: Record<string, (args: unknown) => Promise<unknown>> = {};
  for (const method of API_METHODS) {
    client[method] = bridge ? (args) => bridge.api[method]!(args ?? {}) : (args) => overHttp(method, args);
  }
  return client as unknown as Api;
}

export const api = createClient();

export function call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<Result<ApiResults[M]>> {
  return api[method](args);
}
