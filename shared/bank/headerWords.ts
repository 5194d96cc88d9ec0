/**
 * Column roles of a bank statement and the header words that name them (SPEC §10). Real
 * exports differ by bank, account and year; the importer is never told which bank it reads.
 */
export const ROLE_WORDS = {
  valueDate: ['起息日', '起息日期'],
  tradeDate: ['交易日期', '交易日', '记账日期', '入账日期', '交易时间', '日期'],
  currency: ['币种', '交易货币', '货币', '币别'],
  amount: ['交易金额', '金额', '发生额'],
  credit: ['贷方发生额', '贷方金额', '贷方', '收入金额', '收入', '转入金额', '入账金额', '汇入金额', '收款金额'],
  debit: ['借方发生额', '借方金额', '借方', '支出金额', '支出', '转出金额'],
  direction: ['借/贷', '借贷标志', '借贷', '交易类型'],
  rate: ['汇率', '结汇汇率', '成交汇率', '牌价', '折算汇率'],
  cnyAmount: ['人民币金额', '折人民币金额', '结汇人民币金额', '入账人民币金额', '折合人民币'],
  counterparty: ['对方户名', '对方名称', '对方单位名称', '对方单位', '对方账户名称', '对方账号名称', '收/付方名称', '汇款人名称', '汇款人'],
  payer: ['付款人名称', '付款人'],
  payee: ['收款人名称', '收款人'],
  reference: ['交易流水号', '流水号', '主机交易流水号', '核心流水号', '账户明细编号-交易流水号', '业务编号', '银行业务编号', '业务参考号', '交易参考号', '申报号码', '凭证号'],
  memo: ['摘要', '用途', '附言', '交易附言', '备注', '交易用途'],
} as const;

export type Role = keyof typeof ROLE_WORDS;

const WORD_TO_ROLE = new Map<string, Role>();
for (const [role, words] of Object.entries(ROLE_WORDS) as [Role, readonly string[]][]) {
  for (const word of words) WORD_TO_ROLE.set(word, role);
}

/**
 * A header cell as its words: trailing English glosses `[ … ]` removed, full-width brackets and
 * spaces unified, 帐 read as 账, a bracketed suffix such as （收入） or /元 dropped, trimmed.
 */
export function normalizeHeader(text: string): string {
  return text
    .replace(/\u3000/g, ' ')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/［/g, '[')
    .replace(/］/g, ']')
    .replace(/帐/g, '账')
    .replace(/\[[^\]]*\]\s*$/, '')
    .replace(/\([^)]*\)\s*$/, '')
    .replace(/\/\s*元\s*$/, '')
    .replace(/\s+/g, '')
    .trim();
}

/** The role a header cell names, or null. */
export function roleOf(header: string): Role | null {
  return WORD_TO_ROLE.get(normalizeHeader(header)) ?? null;
}

/** Words of rows that sum up a page rather than record a transaction. */
export const TOTAL_WORDS = ['合计', '总计', '本页合计', '汇总', '借方交易笔数', '贷方交易笔数', '交易笔数', '以上数据仅供参考', '总笔数'];

const DIRECTION_IN = new Set(['贷', '贷cr', 'cr', 'c', '来账', '收', '收入', '贷方', '入账']);
const DIRECTION_OUT = new Set(['借', '借dr', 'dr', 'd', '往账', '付', '支出', '借方', '出账']);

/** 'in', 'out', or null when the cell does not say (a 交易类型 of 汇入汇款 says nothing). */
export function directionOf(value: string): 'in' | 'out' | null {
  const key = value.replace(/\s+/g, '').toLowerCase();
  if (DIRECTION_IN.has(key)) return 'in';
  if (DIRECTION_OUT.has(key)) return 'out';
  return null;
}
