import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiArgs, ApiResults } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/errors';
import type { Page } from '../../shared/entities';
import { useAction } from '../api/hooks';
import { useAppStore } from '../state/appStore';

type PagedMethod = 'deals.list' | 'receipts.list' | 'customers.list';
type RowOf<M extends PagedMethod> = ApiResults[M] extends Page<infer R> ? R : never;

const PAGE = 200;

/**
 * Rows of a long list, fetched a page at a time as the user scrolls: a list is never sent whole.
 * Each page continues after the last row of the one before (its `next` key), so the end of a
 * long list comes as fast as its start. Starts over when the filter changes or after any change
 * (the store's revision). A page that fails comes back as `error`, for the list to show.
 */
export function usePagedRows<M extends PagedMethod>(method: M, filter: Omit<ApiArgs<M>, 'offset' | 'limit' | 'after'>) {
  const revision = useAppStore((s) => s.revision);
  const key = JSON.stringify(filter);
  const [rows, setRows] = useState<RowOf<M>[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const generation = useRef(0);
  const list = useAction(method);

  const fetchPage = useCallback(
    async (after: string | null, gen: number) => {
      setLoading(true);
      const result = await list({ ...(JSON.parse(key) as object), offset: 0, limit: PAGE, ...(after === null ? {} : { after }) } as ApiArgs<M>);
      if (gen !== generation.current) return;
      setLoading(false);
      // A failed page is shown above the list (never swallowed); the rows already loaded stay.
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      const page = result.value as unknown as Page<RowOf<M>>;
      setTotal(page.total);
      setNext(page.next ?? null);
      setRows((previous) => (after === null ? page.rows : [...previous, ...page.rows]));
    },
    [list, key],
  );

  useEffect(() => {
    generation.current += 1;
    void fetchPage(null, generation.current);
  }, [fetchPage, revision]);

  const loadMore = useCallback(() => {
    if (!loading && next !== null && rows.length < total) void fetchPage(next, generation.current);
  }, [loading, next, rows.length, total, fetchPage]);

  return { rows, total, loading, loadMore, error };
}
