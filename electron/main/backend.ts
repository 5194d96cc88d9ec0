import type { ApiMethod } from '../../shared/api/contract';
import type { Result } from '../../shared/api/errors';

/** Where the window's API calls go: the services in this process, or a web host beside it. */
export type Backend = {
  call(method: ApiMethod, args: unknown): Promise<Result<unknown>>;
  /** Set when the window should load the web host's page instead of the packaged files. */
  pageUrl: string | null;
  close(): Promise<void>;
};

/** Forwards calls to a web host started for development (see main.ts). */
export function httpBackend(url: string, token: string, close: () => Promise<void>): Backend {
  const origin = new URL(url).origin;
  return {
    pageUrl: url,
    close,
    async call(method, args) {
      const response = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-TKPI-Token': token },
        body: JSON.stringify(args ?? {}),
      });
      return (await response.json()) as Result<unknown>;
    },
  };
}
