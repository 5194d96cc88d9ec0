import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Api, ApiArgs, ApiResults } from '../../shared/api/contract';
import type { Page } from '../../shared/entities';
import { openDatabase } from '../../electron/db/connection';
import { createApi, createServices } from '../../electron/services';
import { loadBundle } from '../../electron/services/bundle/loadBundle';
import { GOLDEN, readJson, tempDir } from '../helpers';

/*
 * Issue 12.10: long lists page by key. Walking a list page by page with `after` must give
 * exactly the rows, in exactly the order, that one OFFSET query over the whole list gives.
 */

function goldenApi(): Api {
  const db = openDatabase(path.join(tempDir(), 'paging.db'), { create: true });
  loadBundle(db, readJson(path.join(GOLDEN, 'bundle.json')));
  return createApi(createServices(db));
}

type Listed = 'deals.list' | 'receipts.list' | 'customers.list';

async function page<M extends Listed>(api: Api, method: M, args: ApiArgs<M>): Promise<ApiResults[M]> {
  const result = await (api[method] as (a: ApiArgs<M>) => Promise<{ ok: true; value: ApiResults[M] } | { ok: false; error: { message: string } }>)(args);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

/** Every row, a small page at a time by key, and the number of pages it took. */
async function walk<M extends Listed>(api: Api, method: M, filter: object, limit: number): Promise<{ ids: unknown[]; pages: number }> {
  const ids: unknown[] = [];
  let after: string | undefined;
  let pages = 0;
  for (;;) {
    const result = (await page(api, method, { ...filter, offset: 0, limit, ...(after === undefined ? {} : { after }) } as ApiArgs<M>)) as Page<{ id: unknown }>;
    pages++;
    ids.push(...result.rows.map((r) => r.id));
    if (!result.next) return { ids, pages };
    after = result.next;
    if (pages > 1000) throw new Error('paging does not end');
  }
}

async function whole<M extends Listed>(api: Api, method: M, filter: object): Promise<unknown[]> {
  return ((await page(api, method, { ...filter, offset: 0, limit: 500 } as ApiArgs<M>)) as Page<{ id: unknown }>).rows.map((r) => r.id);
}

describe('lists page by key (issue 12.10)', () => {
  const cases: [Listed, object][] = [
    ['deals.list', {}],
    ['deals.list', { quarter: '2026Q3' }],
    ['deals.list', { quarter: '2026Q3', salesperson: 'S01' }],
    ['receipts.list', {}],
    ['receipts.list', { quarter: '2026Q3' }],
    ['receipts.list', { quarter: '2026Q3', unmatched: true }],
    ['customers.list', {}],
    ['customers.list', { search: 'CO' }],
  ];

  it.each(cases)('%s %j: page by page by key equals the whole list, same order', async (method, filter) => {
    const api = goldenApi();
    const expected = await whole(api, method, filter);
    expect(expected.length, `the golden case has rows for ${method} ${JSON.stringify(filter)}`).toBeGreaterThan(0);
    const { ids, pages } = await walk(api, method, filter, 7);
    expect(ids).toEqual(expected);
    expect(pages, 'pages of 7 rows').toBe(Math.floor(expected.length / 7) + 1);
  });

  it('refuses a key that is not one the list gave, naming the field', async () => {
    const api = goldenApi();
    for (const after of ['not json', '["2026-07-01"]', '[1, 2]']) {
      const result = await api['deals.list']({ offset: 0, limit: 10, after });
      expect(result.ok, `after=${after}`).toBe(false);
      if (!result.ok) expect([result.error.code, result.error.field]).toEqual(['input.cursor', 'after']);
    }
  });
});
