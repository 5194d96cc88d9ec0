/**
 * Column roles of a bank statement and the header words that name them (SPEC §10). Real
 * exports differ by bank, account and year; the importer is never told which bank it reads.
 * The role keys are an interface (remembered column mappings and `--columns` name them): add
 * roles, never rename one.
 */
export const ROLE_WORDS = {
  valueDate: ['起息日', '起息日期'],
  tradeDate: ['交易日期', '交易日', '记账日期', '记账日', '入账日期', '交易时间', '日期'],
  currency: ['币种', '交易币种', '记账币种', '交易货币', '记账货币', '货币', '币别'],
  amount: ['交易金额', '记账金额', '金额', '发生额'],
  credit: ['贷方发生额', '贷方金额', '贷方', '收入金额', '收入', '转入金额', '入账金额', '汇入金额', '收款金额'],
  debit: ['借方发生额', '借方金额', '借方', '支出金额', '支出', '转出金额'],
  direction: ['借/贷', '借贷标志', '借贷方向', '收支标志', '收/支', '收支方向', '借贷', '交易类型'],
  rate: ['汇率', '结汇汇率', '成交汇率', '牌价', '折算汇率'],
  cnyAmount: ['人民币金额', '折人民币金额', '结汇人民币金额', '入账人民币金额', '折合人民币'],
  counterparty: [
    '对方户名',
    '对方名称',
    '对方单位名称',
    '对方单位',
    '对方账户名称',
    '对方账号名称',
    '收/付方名称',
    '汇款人名称',
    '汇款人',
    '对方账户名',
    '交易对方名称',
    '对手方名称',
    '收/付款人名称',
    '收/付款人户名',
  ],
  /** The other side for money in (the payer is not the company). */
  payer: ['付款人户名', '付款人名称', '付款人', '付款方名称', '付款方户名'],
  /** The other side for money out. */
  payee: ['收款人户名', '收款人名称', '收款人', '收款方名称', '收款方户名'],
  reference: [
    '交易流水号',
    '流水号',
    '主机交易流水号',
    '核心流水号',
    '账户明细编号-交易流水号',
    '业务编号',
    '银行业务编号',
    '业务参考号',
    '交易参考号',
    '申报号码',
    '凭证号',
  ],
  memo: ['摘要', '用途', '附言', '交易附言', '备注', '交易用途'],
} as const;

export type Role = keyof typeof ROLE_WORDS;
export const ROLES = Object.keys(ROLE_WORDS) as Role[];

const WORD_TO_ROLE = new Map<string, Role>();
for (const [role, words] of Object.entries(ROLE_WORDS) as [Role, readonly string[]][]) {
  for (const word of words) WORD_TO_ROLE.set(word, role);
}

/**
 * Which amount a column carries when a file has both (SPEC §10): the account's booked amount
 * and currency (记账…) reached the account; the transaction's own (交易…) is only how it was sent.
 */
export type AmountSide = 'booked' | 'transaction' | null;

/** Words of a bracketed suffix that name a direction: 交易金额(收入) is money in, 记账金额(借) out. */
const SUFFIX_IN = new Set(['收入', '贷', '贷方', '收', '入', '转入', '来账', 'cr', 'credit']);
const SUFFIX_OUT = new Set(['支出', '借', '借方', '付', '出', '转出', '往账', 'dr', 'debit']);

/** Brackets, spaces and 帐 unified; a one-character bracket inside a word read as a slash: 收(付)方 = 收/付方. */
function unify(text: string): string {
  return text
    .replace(/[\u3000\u00a0]/g, ' ')
    .replace(/[（【〔]/g, '(')
    .replace(/[）】〕]/g, ')')
    .replace(/［/g, '[')
    .replace(/］/g, ']')
    .replace(/／/g, '/')
    .replace(/帐/g, '账')
    .replace(/\s+/g, '')
    .replace(/(\S)\((\S)\)(?=\S)/g, '$1/$2')
    .replace(/^(\S)\((\S)\)$/, '$1/$2');
}

/**
 * A header cell split into its words and a direction its suffix names: trailing English glosses
 * `[ … ]` removed, brackets and spaces unified, 帐 read as 账, a unit suffix such as `/元`,
 * `(元)` or `（人民币）` dropped — but `(收入)`/`(借)` kept as the direction it names.
 */
export function parseHeader(text: string): { word: string; direction: 'in' | 'out' | null } {
  let word = unify(text).replace(/[:：]+$/, '');
  let direction: 'in' | 'out' | null = null;
  for (;;) {
    const gloss = /\[[^\]]*\]$/.exec(word);
    if (gloss) {
      word = word.slice(0, gloss.index);
      continue;
    }
    const bracket = /\(([^()]*)\)$/.exec(word);
    if (bracket && bracket.index > 0) {
      const inner = (bracket[1] ?? '').toLowerCase();
      if (direction === null && SUFFIX_IN.has(inner)) direction = 'in';
      else if (direction === null && SUFFIX_OUT.has(inner)) direction = 'out';
      word = word.slice(0, bracket.index);
      continue;
    }
    const unit = /\/(元|人民币|人民币元|万元|rmb|cny)$/i.exec(word);
    if (unit && unit.index > 0) {
      word = word.slice(0, unit.index);
      continue;
    }
    return { word, direction };
  }
}

/** A header cell as its words (see `parseHeader`); a direction suffix is not part of them. */
export function normalizeHeader(text: string): string {
  return parseHeader(text).word;
}

/**
 * A header cell in the form a remembered column mapping is keyed by: `normalizeHeader`, with a
 * direction suffix kept (交易金额(收入) and 交易金额(支出) are different columns).
 */
export function canonicalHeader(text: string): string {
  const { word, direction } = parseHeader(text);
  return direction === null ? word : `${word}(${direction === 'in' ? '收入' : '支出'})`;
}

const AMOUNT_ROLES: ReadonlySet<Role> = new Set(['amount', 'credit', 'debit']);

/** The role a header cell names, or null: an amount word with a direction suffix is a credit or debit column. */
export function roleOf(header: string): Role | null {
  const { word, direction } = parseHeader(header);
  const role = WORD_TO_ROLE.get(word) ?? null;
  if (role !== null && direction !== null && AMOUNT_ROLES.has(role)) return direction === 'in' ? 'credit' : 'debit';
  return role;
}

/** Whether a header cell's amount or currency is the booked (记账/入账) or the transaction's (交易) own. */
export function amountSideOf(header: string): AmountSide {
  const { word } = parseHeader(header);
  if (/^(记账|入账)(金额|币种|货币)$/.test(word)) return 'booked';
  if (/^交易(金额|币种|货币)$/.test(word)) return 'transaction';
  return null;
}

/** Words of rows that sum up a page rather than record a transaction. */
export const TOTAL_WORDS = [
  '合计',
  '总计',
  '本页合计',
  '汇总',
  '借方交易笔数',
  '贷方交易笔数',
  '交易笔数',
  '以上数据仅供参考',
  '总笔数',
  '发生总额',
  '发生总笔数',
];

const DIRECTION_IN = new Set(['贷', '贷cr', 'cr', 'c', 'credit', '来账', '收', '收入', '贷方', '入账', '转入', '入', '1']);
const DIRECTION_OUT = new Set(['借', '借dr', 'dr', 'd', 'debit', '往账', '付', '支出', '借方', '出账', '转出', '出', '2']);

/** 'in', 'out', or null when the cell does not say (a 交易类型 of 汇入汇款 says nothing). */
export function directionOf(value: string): 'in' | 'out' | null {
  const key = value.replace(/[\s()（）]+/g, '').toLowerCase();
  if (DIRECTION_IN.has(key)) return 'in';
  if (DIRECTION_OUT.has(key)) return 'out';
  return null;
}
