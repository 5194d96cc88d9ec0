import { useCallback, useEffect, useState } from 'react';
import type { ApiArgs, ApiMethod, ApiResults } from '../../shared/api/contract';
import type { ApiError, Result } from '../../shared/api/errors';
import { useAppStore } from '../state/appStore';
import { call } from './client';

export type Query<T> = { data: T | undefined; error: ApiError | null; loading: boolean };

const prefetched = new Map<string, Promise<Result<unknown>>>();

/**
 * Starts a query before React has drawn anything, so the server's work overlaps the page's
 * start-up; the first `useQuery` with the same arguments takes the answer.
 */
export function prefetch<M extends ApiMethod>(method: M, args: ApiArgs<M>): void {
  prefetched.set(`${method} ${JSON.stringify(args)}`, call(method, args));
}

function fetchOnce<M extends ApiMethod>(method: M, key: string): Promise<Result<ApiResults[M]>> {
  const early = prefetched.get(`${method} ${key}`);
  prefetched.delete(`${method} ${key}`);
  return (early as Promise<Result<ApiResults[M]>> | undefined) ?? call(method, JSON.parse(key) as ApiArgs<M>);
}

/** A call's answer asked for early by `prefetch`, else asked now: each prefetched answer is used once. */
export function callOnce<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<Result<ApiResults[M]>> {
  return fetchOnce(method, JSON.stringify(args));
}

/**
 * Data from the API for the screen. It fetches again when its arguments change and after any
 * change anywhere (the store's revision): one refresh mechanism, no hand-kept copies.
 */
export function useQuery<M extends ApiMethod>(method: M, args: ApiArgs<M> | null): Query<ApiResults[M]> {
  const revision = useAppStore((s) => s.revision);
  const key = args === null ? null : JSON.stringify(args);
  const [state, setState] = useState<Query<ApiResults[M]>>({ data: undefined, error: null, loading: args !== null });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    void fetchOnce(method, key).then((result) => {
      if (!live) return;
      setState(result.ok ? { data: result.value, error: null, loading: false } : { data: undefined, error: result.error, loading: false });
    });
    return () => {
      live = false;
    };
  }, [method, key, revision]);
  return state;
}

/** A change through the API; on success every query on screen refreshes. */
export function useMutation<M extends ApiMethod>(method: M): (args: ApiArgs<M>) => Promise<Result<ApiResults[M]>> {
  const changed = useAppStore((s) => s.changed);
  return useCallback(
    async (args: ApiArgs<M>) => {
      const result = await call(method, args);
      if (result.ok) changed();
      return result;
    },
    [method, changed],
  );
}

/**
 * A call that changes nothing stored, made when the user asks (an export to download, a preview,
 * a look-up): no refresh follows. Anything that writes goes through `useMutation` instead.
 */
export function useAction<M extends ApiMethod>(method: M): (args: ApiArgs<M>) => Promise<Result<ApiResults[M]>> {
  return useCallback((args: ApiArgs<M>) => call(method, args), [method]);
}
