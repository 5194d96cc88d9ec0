import type { Api, ApiArgs, ApiMethod, ApiResults } from '../../shared/api/contract';
import { apiError, type Result } from '../../shared/api/errors';
import { API_METHODS } from '../../shared/api/methods';

type Bridge = { api: Record<string, (args: unknown) => Promise<unknown>>; onRefresh(listener: () => void): void };

declare global {
  interface Window {
    tkpi?: Bridge;
  }
}

/**
 * Over HTTP the web host knows the page by its session cookie (HttpOnly, set when the page was
 * first opened with its token, which the host then removed from the address): the page never
 * holds the token itself.
 */
async function overHttp(method: ApiMethod, args: unknown): Promise<Result<unknown>> {
  try {
    const response = await fetch(`./api/${method}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(args ?? {}),
    });
    if (!response.ok) {
      const detail = `服务器拒绝了请求（HTTP ${response.status}）${(await response.text()).slice(0, 200)}`;
      return { ok: false, error: apiError('internal', { detail }) };
    }
    return (await response.json()) as Result<unknown>;
  } catch (error) {
    const detail = `无法连接 TradeKPI 服务：${String(error)}`;
    return { ok: false, error: apiError('internal', { detail }) };
  }
}

/**
 * The API contract as the UI sees it: through the Electron preload when the page runs in the
 * window, over HTTP to the local web host otherwise.
 */
function createClient(): Api {
  const bridge = window.tkpi ?? null;
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
