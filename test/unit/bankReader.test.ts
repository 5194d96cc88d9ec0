import { describe, expect, it } from 'vitest';
import { classifyStatement, type ImportContext } from '../../shared/bank/classify';
import type { Cell } from '../../shared/bank/cellValues';
import { withRateDecisions } from '../../shared/bank/decidedRows';
import { canonicalHeader, directionOf, normalizeHeader, roleOf } from '../../shared/bank/headerWords';
import { findLayout, headerKey, headerRowFor, layoutFromMapping, type Layout } from '../../shared/bank/statementLayout';
import { amountStyle, readRow, readRows, type BankRow, type RowOutcome } from '../../shared/bank/statementRows';
import { normalizePayerName } from '../../shared/matching/payerName';

describe('header words (SPEC §10)', () => {
  it.each([
    ['交易金额(收入)', 'credit'],
    ['交易金额（支出）', 'debit'],
    ['记账金额（借）', 'debit'],
    ['记账金额（贷）', 'credit'],
    ['发生额/元', 'amount'],
    ['金额(元)', 'amount'],
    ['金额（人民币）', 'amount'],
    ['收(付)方名称', 'counterparty'],
    ['收（付）方名称', 'counterparty'],
    ['收/付方名称', 'counterparty'],
    ['对方帐户名称', 'counterparty'],
    ['起息日期[ Value Date ]', 'valueDate'],
    ['借(贷)', 'direction'],
    ['借贷方向', 'direction'],
    ['收支标志', 'direction'],
    ['付款人户名', 'payer'],
    ['付款方名称', 'payer'],
    ['收款人户名', 'payee'],
    ['收款方名称', 'payee'],
    ...['币种', '交易币种', '记账币种', '交易货币', '货币', '币别'].map((w) => [w, 'currency']),
  ])('%s names the %s role', (header, role) => {
    expect(roleOf(header)).toBe(role);
  });

  it('keeps a direction suffix in the key a mapping is remembered under, and drops units and glosses', () => {
    expect(canonicalHeader('交易金额（收入）[ Credit ]')).toBe('交易金额(收入)');
    expect(canonicalHeader('交易金额(贷)')).toBe('交易金额(收入)');
    expect(normalizeHeader('交易金额(收入)')).toBe('交易金额');
    expect(headerKey(['记帐日期', ' 发生额/元 ', null, '对方户名', null, ''])).toBe('记账日期|发生额||对方户名');
  });

  it.each([
    ['1', 'in'],
    ['2', 'out'],
    ['贷 Cr', 'in'],
    ['借 Dr', 'out'],
    ['来账', 'in'],
    ['往账', 'out'],
    ['转入', 'in'],
    ['转出', 'out'],
    ['收', 'in'],
    ['付', 'out'],
    ['汇入汇款', null],
  ])('the direction value %s is %s', (value, direction) => {
    expect(directionOf(value)).toBe(direction);
  });
});

const TITLE: Cell[][] = [['账户明细'], ['币种：', '美元'], []];

describe('statementLayout: finding the header', () => {
  it('finds the header below title rows, with the title currency', () => {
    const layout = findLayout([...TITLE, ['交易日期', '贷方金额', '借方金额', '对方户名'], ['2026-07-01', '100.00', '', 'A']]);
    expect(layout).toEqual({ headerRow: 3, dataRow: 4, columns: { tradeDate: [0], credit: [1], debit: [2], counterparty: [3] }, titleCurrency: 'USD' });
  });

  it('merges a two-row header: 发生额 over 借方 | 贷方 (merged: the second cell blank)', () => {
    const layout = findLayout([
      ['日期', '发生额', null, '对方'],
      [null, '借方', '贷方', '户名'],
      ['2026-07-01', null, '5.00', 'A'],
    ]);
    expect(layout).toMatchObject({ headerRow: 0, dataRow: 2, columns: { tradeDate: [0], debit: [1], credit: [2], counterparty: [3] } });
  });

  it('does not take the first data row for a sub-heading row', () => {
    // The amount column's neighbour has no heading and 贷 in the data: still one header row.
    const layout = findLayout([
      ['日期', '金额', null],
      ['2026-07-01', '5.00', '贷'],
    ]);
    expect(layout).toMatchObject({ headerRow: 0, dataRow: 1, columns: { tradeDate: [0], amount: [1] } });
  });

  it('takes a row of words under a complete header (an English gloss row) as part of the header', () => {
    const layout = findLayout([
      ['交易日期', '借方发生额', '贷方发生额', '对方户名'],
      ['Date', 'Debit', 'Credit', 'Counterparty'],
      ['2026-07-01', '', '5.00', 'A'],
    ]);
    expect(layout).toMatchObject({ headerRow: 0, dataRow: 2, columns: { tradeDate: [0], debit: [1], credit: [2], counterparty: [3] } });
  });

  it('reads the booked pair where the transaction pair stands beside it', () => {
    const layout = findLayout([['交易日期', '交易金额', '交易币种', '记账金额', '记账币种']]);
    expect(layout?.columns).toEqual({ tradeDate: [0], amount: [3], currency: [4] });
  });

  it('finds nothing where no row names a date and an amount', () => {
    expect(
      findLayout([
        ['Posted', 'Amount'],
        ['2026-07-01', '5'],
      ]),
    ).toBeNull();
  });

  it('finds the header row for columns given without one (tkpi import-bank --columns)', () => {
    const columns = { tradeDate: 0, credit: 2, debit: 1 };
    expect(headerRowFor([['Account 1'], [], ['Posted', 'Out', 'In'], ['2026-07-01', '', '7.00']], columns)).toBe(2);
    expect(
      headerRowFor(
        [
          ['Posted', 'Money', null],
          [null, '借方', '贷方'],
          ['2026-07-01', null, '7.00'],
        ],
        columns,
      ),
    ).toBe(0);
    expect(headerRowFor([['2026-07-01', '', '7.00']], columns)).toBeNull();
    expect(
      headerRowFor(
        [
          ['Posted', 'Out', 'In'],
          ['no date', '', '7.00'],
        ],
        columns,
      ),
    ).toBeNull();
  });

  it('a mapping skips a 借方|贷方 sub-heading row below its header row', () => {
    const grid: Cell[][] = [
      ['Posted', 'Money', null],
      [null, '借方', '贷方'],
      ['2026-07-01', null, '7.00'],
    ];
    expect(layoutFromMapping(grid, { headerRow: 0, columns: { tradeDate: 0, debit: 1, credit: 2 } })).toMatchObject({ dataRow: 2 });
    expect(
      layoutFromMapping(
        grid.filter((_, i) => i !== 1),
        { headerRow: 0, columns: { tradeDate: 0, debit: 1, credit: 2 } },
      ),
    ).toMatchObject({ dataRow: 1 });
  });
});

const CREDIT_DEBIT: Layout = {
  headerRow: 0,
  dataRow: 1,
  columns: { tradeDate: [0], credit: [1], debit: [2], payer: [3], payee: [4], memo: [5] },
  titleCurrency: null,
};
const SIGNED: Layout = { headerRow: 0, dataRow: 1, columns: { tradeDate: [0], amount: [1], direction: [2], counterparty: [3] }, titleCurrency: null };
const value = (o: RowOutcome | null) => (o?.kind === 'row' ? o.value : null);

describe('statementRows: worked rows', () => {
  it('credit, debit and their negatives: the sign is never dropped', () => {
    expect(value(readRow(['2026-07-01', '1,000.00', '', 'ACME', '本公司', '货款'], 2, CREDIT_DEBIT))).toMatchObject({
      direction: 'in',
      amountFen: 100000,
      counterparty: 'ACME',
    });
    expect(value(readRow(['2026-07-01', '', '300.00', '本公司', 'SUPPLIER', ''], 3, CREDIT_DEBIT))).toMatchObject({
      direction: 'out',
      amountFen: -30000,
      counterparty: 'SUPPLIER',
    });
    expect(value(readRow(['2026-07-02', '-23,430.00', '', 'ACME', '本公司', '冲正'], 4, CREDIT_DEBIT))).toMatchObject({
      direction: 'out',
      amountFen: -2343000,
    });
    expect(value(readRow(['2026-07-02', '', '-50.00', '本公司', 'ACME', ''], 5, CREDIT_DEBIT))).toMatchObject({ direction: 'in', amountFen: 5000 });
  });

  it('dashes are empty in every column: no reference “-”, no payer “--”', () => {
    const layout: Layout = { ...CREDIT_DEBIT, columns: { ...CREDIT_DEBIT.columns, reference: [6] } };
    expect(value(readRow(['2026-07-01', '9.00', '-', '--', '本公司', '--', '-'], 2, layout))).toMatchObject({
      counterparty: null,
      reference: null,
      memo: null,
      amountFen: 900,
    });
  });

  it('the counterparty is the side that is not the company', () => {
    const ownKey = normalizePayerName('本公司');
    // A bank that fills 付款人 with the account holder on money in as well.
    expect(value(readRow(['2026-07-01', '9.00', '', '本公司', 'ACME', ''], 2, CREDIT_DEBIT, { ownKey }))?.counterparty).toBe('ACME');
    expect(value(readRow(['2026-07-01', '9.00', '', '本公司', '本公司', ''], 2, CREDIT_DEBIT, { ownKey }))?.counterparty).toBe('本公司');
  });

  it('a signed amount with a direction column: signed files by their sign, unsigned ones by the direction', () => {
    const signed: Cell[][] = [['h'], ['2026-07-01', '+100.00', '来账', 'A'], ['2026-07-01', '-30.00', '往账', 'BANK'], ['2026-07-02', '-100.00', '来账', 'A']];
    expect(amountStyle(signed, SIGNED)).toEqual({ signed: true });
    expect(readRows(signed, SIGNED).map((o) => value(o)?.amountFen)).toEqual([10000, -3000, -10000]);
    const unsigned: Cell[][] = [
      ['h'],
      ['2026-07-01', '100.00', '贷', 'A'],
      ['2026-07-01', '30.00', '借', 'BANK'],
      ['2026-07-02', '-100.00', '贷', 'A'],
      ['2026-07-03', '-8.00', '借', 'A'],
    ];
    expect(amountStyle(unsigned, SIGNED)).toEqual({ signed: false });
    expect(readRows(unsigned, SIGNED).map((o) => value(o)?.amountFen)).toEqual([10000, -3000, -10000, 800]);
  });

  it('rows below the last data row are footer; unreadable rows between data rows are rejected; blank rows are nothing', () => {
    const grid: Cell[][] = [
      ['h'],
      ['2026-07-01', '1.00', '', 'A'],
      ['2026-07-xx', '2.00', '', 'A'],
      [],
      ['2026-07-03', '3.00', '', 'A'],
      ['23 收 3,711,170.00'],
      ['打印时间 2026-07-04', '', '', '经办'],
    ];
    expect(
      readRows(grid, CREDIT_DEBIT).map((o) => [
        o.kind === 'row' ? o.value.row : o.row,
        o.kind,
        o.kind === 'skip' ? o.reason : o.kind === 'reject' ? o.reason : '',
      ]),
    ).toEqual([
      [2, 'row', ''],
      [3, 'reject', 'bank.date'],
      [5, 'row', ''],
      [6, 'skip', 'footer'],
      [7, 'skip', 'footer'],
    ]);
  });

  it('a file with no data row has no footer: its unreadable rows stay rejected', () => {
    expect(readRows([['h'], ['x', '1.00']], CREDIT_DEBIT)).toEqual([{ kind: 'reject', row: 2, reason: 'bank.date', params: { value: 'x' } }]);
  });
});

function row(partial: Partial<BankRow> & { row: number }): RowOutcome {
  return {
    kind: 'row',
    value: {
      valueDate: '2026-07-10',
      currency: 'USD',
      direction: 'in',
      amountFen: 100000,
      rate: null,
      cnyFen: null,
      counterparty: 'ACME LTD',
      reference: null,
      memo: null,
      ...partial,
    },
  };
}

function context(over: Partial<ImportContext> = {}): ImportContext {
  const customers: Record<string, { id: string; owner: string | null }> = { 'ACME LTD': { id: 'C1', owner: 'S1' } };
  return {
    companyKey: normalizePayerName('本公司'),
    customerOf: (name) => (name === null ? null : (customers[normalizePayerName(name)] ?? null)),
    tableRate: () => null,
    storedAmong: () => new Set(),
    ...over,
  };
}

describe('classify: worked rows', () => {
  it('money in is a receipt; money out a refund only to a known customer; fees, suppliers and own transfers skipped', () => {
    const plans = classifyStatement(
      [
        row({ row: 2 }),
        row({ row: 3, direction: 'out', amountFen: -20000, counterparty: 'Acme Limited', memo: '退款' }),
        row({ row: 4, direction: 'out', amountFen: -3000, counterparty: '中国银行', memo: '电讯费' }),
        row({ row: 5, direction: 'out', amountFen: -90000, counterparty: 'SUPPLIER CO' }),
        row({ row: 6, direction: 'in', amountFen: 500000, counterparty: '本公司' }),
        { kind: 'skip', row: 7, reason: 'footer' },
        { kind: 'reject', row: 8, reason: 'bank.noAmount', params: {} },
      ],
      context(),
    );
    expect(plans.map((p) => [p.row, p.fate, p.reason, p.refund, p.receipt?.customer ?? null])).toEqual([
      [2, 'new', null, false, 'C1'],
      [3, 'new', null, true, 'C1'],
      [4, 'skipped', 'skip.fee', false, null],
      [5, 'skipped', 'skip.outgoing', false, null],
      [6, 'skipped', 'skip.internal', false, null],
      [7, 'skipped', 'skip.footer', false, null],
      [8, 'rejected', 'bank.noAmount', false, null],
    ]);
  });

  it('duplicates by reference, and by fingerprint with its occurrence in the file', () => {
    const plans = classifyStatement(
      [row({ row: 2, reference: 'R1' }), row({ row: 3, reference: 'R1' }), row({ row: 4 }), row({ row: 5 }), row({ row: 6, reference: 'OLD' })],
      context({ storedAmong: (refs) => new Set(refs.filter((r) => r === 'OLD')) }),
    );
    expect(plans.map((p) => p.fate)).toEqual(['new', 'duplicate', 'new', 'new', 'duplicate']);
    // Two identical rows are two receipts: the fingerprint counts occurrences.
    expect(plans.slice(2, 4).map((p) => p.receipt?.fingerprint)).toEqual(['2026-07-10|USD|100000|ACME LTD|#1', '2026-07-10|USD|100000|ACME LTD|#2']);
  });

  it('holds back a row that would change an approved appraisal, naming it', () => {
    const plans = classifyStatement(
      [row({ row: 2 }), row({ row: 3, valueDate: '2026-10-01' })],
      context({ lockedFor: (owner, date) => (owner === 'S1' && date < '2026-10-01' ? { name: '甲', salesperson: 'S1', quarter: '2026Q3' } : null) }),
    );
    expect(plans.map((p) => [p.fate, p.reason, p.params])).toEqual([
      ['skipped', 'skip.approvedQuarter', { name: '甲', salesperson: 'S1', quarter: '2026Q3' }],
      ['new', null, {}],
    ]);
  });

  it('decides rates on copies: its input rows are not changed', () => {
    const input = [row({ row: 2, rate: '712.34', cnyFen: 712340 })];
    const frozen = JSON.stringify(input);
    const plans = classifyStatement(input, context());
    expect(JSON.stringify(input)).toBe(frozen);
    expect(plans[0]?.receipt).toMatchObject({ rate: '7.1234', rateMicro: 7123400 });
    const decided = withRateDecisions(input, () => null);
    expect(decided[0]).not.toBe(input[0]);
    expect(JSON.stringify(input)).toBe(frozen);
  });
});
