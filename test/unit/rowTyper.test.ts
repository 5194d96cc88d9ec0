import { describe, expect, it } from 'vitest';
import type { Cell } from '../../shared/bank/cellValues';
import { findLayout, headerKey, type Layout } from '../../shared/bank/statementLayout';
import { amountStyle, readRow, readRows, rowTyper, type RowOutcome } from '../../shared/bank/statementRows';

/*
 * Rows typed as they stream (issue 8.6) come out exactly as rows typed from the whole grid —
 * including a signed amount beside a direction column, whose convention shows only after up to
 * a hundred rows of money out: the rows before it wait, then are read with it.
 */

const HEADER: Cell[] = ['交易日期', '交易金额', '借贷标志', '对方户名', '摘要'];

function statement(rows: number, outSign: '-' | '', options: { firstOutAt?: number } = {}): Cell[][] {
  const grid: Cell[][] = [['中国银行交易明细'], [], HEADER];
  for (let i = 0; i < rows; i++) {
    const out = i >= (options.firstOutAt ?? 0) && i % 3 === 1;
    const day = String(1 + (i % 28)).padStart(2, '0');
    grid.push([`2026-07-${day}`, `${out ? outSign : ''}${100 + i}.00`, out ? '借' : '贷', out ? 'SUPPLIER' : `PAYER ${i % 5}`, i % 50 === 0 ? '' : `PO ${i}`]);
    if (i % 40 === 7) grid.push([]);
  }
  grid.push(['合计', '', '', '', ''], ['打印日期 2026-08-01']);
  return grid;
}

/**
 * The grid read as the reader read it before rows streamed (its code then, kept here as the
 * reference): the sign convention from the whole grid first, then every row with it.
 */
function wholeGrid(grid: Cell[][], layout: Layout): RowOutcome[] {
  const style = amountStyle(grid, layout);
  const header = headerKey(grid[layout.headerRow] ?? []);
  const outcomes: RowOutcome[] = [];
  let lastRow = -1;
  for (let r = layout.dataRow; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    const outcome = readRow(cells, r + 1, layout, { style });
    if (outcome === null) continue;
    if (outcome.kind === 'reject' && header !== '' && headerKey(cells) === header) outcomes.push({ kind: 'skip', row: r + 1, reason: 'header' });
    else outcomes.push(outcome);
    if (outcome.kind === 'row') lastRow = outcomes.length - 1;
  }
  if (lastRow < 0) return outcomes;
  return outcomes.map((o, i) => (i > lastRow && o.kind !== 'row' ? { kind: 'skip', row: o.row, reason: 'footer' } : o));
}

function streamed(grid: Cell[][], layout: Layout): ReturnType<typeof readRows> {
  const typer = rowTyper(layout, headerKey(grid[layout.headerRow] ?? []));
  grid.forEach((cells, r) => typer.push(r, cells));
  return typer.finish();
}

describe('rows typed one at a time equal rows typed from the grid', () => {
  it.each([
    ['signed: money out written negative', statement(400, '-')],
    ['unsigned: the direction column tells', statement(400, '')],
    ['fewer than a hundred rows of money out', statement(120, '-')],
    ['the first money out late in the file', statement(600, '', { firstOutAt: 450 })],
    ['no rows of money out at all', statement(50, '', { firstOutAt: 1000 })],
  ])('%s', (_label, grid) => {
    const layout = findLayout(grid);
    expect(layout, 'the header is found').not.toBeNull();
    if (!layout) return;
    const whole = wholeGrid(grid, layout);
    expect(whole.length, 'rows were read').toBeGreaterThan(10);
    expect(streamed(grid, layout)).toEqual(whole);
    expect(readRows(grid, layout)).toEqual(whole);
  });

  it('reads an unsigned file as unsigned even when its first rows are all money in', () => {
    const grid = statement(600, '', { firstOutAt: 450 });
    const layout = findLayout(grid);
    if (!layout) throw new Error('no header found');
    expect(amountStyle(grid, layout)).toEqual({ signed: false });
    const out = streamed(grid, layout).find((o) => o.kind === 'row' && o.value.direction === 'out');
    expect(out?.kind === 'row' ? out.value.amountFen : null, 'an unsigned 借 row is money out').toBeLessThan(0);
  });

  it('ignores rows above the data and marks rows below the last transaction as footer', () => {
    const grid = statement(30, '-');
    const layout = findLayout(grid);
    if (!layout) throw new Error('no header found');
    const outcomes = streamed(grid, layout);
    expect(outcomes.slice(-2).map((o) => (o.kind === 'skip' ? o.reason : o.kind))).toEqual(['footer', 'footer']);
    expect(outcomes.every((o) => (o.kind === 'row' ? o.value.row : o.row) > layout.headerRow + 1)).toBe(true);
  });
});
