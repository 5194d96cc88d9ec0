import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiArgs, ApiResults } from '../../shared/api/contract';
import type { Page } from '../../shared/entities';
import { call } from '../api/client';
import { useAppStore } from '../state/appStore';

type PagedMethod = 'deals.list' | 'receipts.list' | 'customers.list';
type RowOf<M extends PagedMethod> = ApiResults[M] extends Page<infer R> ? R : never;

const PAGE = 200;

/**
 * Rows of a long list, fetched a page at a time as the user scrolls: a list is never sent whole.
 * Each page continues after the last row of the one before (its `next` key), so the end of a
 * long list comes as fast as its start. Starts over when the filter changes or after any change
 * (the store's revision).
 */
export function usePagedRows<M extends PagedMethod>(method: M, filter: Omit<ApiArgs<M>, 'offset' | 'limit' | 'after'>) {
  const revision = useAppStore((s) => s.revision);
  const key = JSON.stringify(filter);
  const [rows, setRows] = useState<RowOf<M>[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [next, setNext] = useState<string | null>(null);
  const generation = useRef(0);

  const fetchPage = useCallback(
    async (after: string | null, gen: number) => {
      setLoading(true);
      const result = await call(method, { ...(JSON.parse(key) as object), offset: 0, limit: PAGE, ...(after === null ? {} : { after }) } as ApiArgs<M>);
      if (gen !== generation.current) return;
      setLoading(false);
      if (!result.ok) return;
      const page = result.value as unknown as Page<RowOf<M>>;
      setTotal(page.total);
      setNext(page.next ?? null);
      setRows((previous) => (after === null ? page.rows : [...previous, ...page.rows]));
    },
    [method, key],
  );

  useEffect(() => {
    generation.current += 1;
    void fetchPage(null, generation.current);
  }, [fetchPage, revision]);

  const loadMore = useCallback(() => {
    if (!loading && next !== null && rows.length < total) void fetchPage(next, generation.current);
  }, [loading, next, rows.length, total, fetchPage]);

  return { rows, total, loading, loadMore };
}
