import type { BundleInput } from '../shared/schemas/bundle';

/*
 * A deterministic large company for the benchmarks: 50 salespeople, 20,000 customers,
 * 500,000 deals and 1,000,000 receipts over 2025–2026, in bundle form.
 */

export type CompanySize = { salespeople: number; customers: number; deals: number; receipts: number };
export const BENCH_SIZE: CompanySize = { salespeople: 50, customers: 20_000, deals: 500_000, receipts: 1_000_000 };

/** Small, fast, seeded generator so every run builds the same company. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const CURRENCIES = ['USD', 'EUR', 'GBP'] as const;
const MONTHS = Array.from({ length: 24 }, (_, i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

function day(rand: () => number): string {
  const month = MONTHS[Math.floor(rand() * MONTHS.length)] ?? '2026-07';
  return `${month}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
}

function amount(rand: () => number): string {
  return `${1000 + Math.floor(rand() * 90000)}.${String(Math.floor(rand() * 100)).padStart(2, '0')}`;
}

export function generateCompany(size: CompanySize = BENCH_SIZE): BundleInput {
  const rand = random(20261121);
  const people = Array.from({ length: size.salespeople }, (_, i) => `S${String(i + 1).padStart(3, '0')}`);
  const customers = Array.from({ length: size.customers }, (_, i) => ({
    id: `C${String(i + 1).padStart(5, '0')}`,
    name: `CUSTOMER ${i + 1} TRADING CO., LTD`,
    country: 'US',
    owner: people[i % people.length] ?? null,
    aliases: [`CUSTOMER ${i + 1} TRADING CO LTD`],
  }));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  return {
    format: 'trade-kpi-bundle',
    version: 1,
    company: { name: '基准测试进出口有限公司', baseCurrency: 'CNY' },
    settings: { newCustomerRule: 'first_receipt', commissionBase: 'settled', forcedRanking: false },
    commissionPlans: [
      {
        id: 'std',
        mode: 'progressive',
        brackets: [
          { upTo: '300000', rate: '0.01' },
          { upTo: '1000000', rate: '0.015' },
          { upTo: null, rate: '0.02' },
        ],
        newCustomerBonus: '500.00',
      },
    ],
    salespeople: people.map((id, i) => ({
      id,
      name: `业务员${i + 1}`,
      department: '外贸部',
      monthlyBaseSalary: '2000.00',
      performanceBasePay: '3000.00',
      commissionPlan: 'std',
    })),
    customers,
    fxRates: MONTHS.flatMap((month) => CURRENCIES.map((currency, i) => ({ month, currency, rate: (7 + i * 0.7 + rand() * 0.2).toFixed(4) }))),
    deals: Array.from({ length: size.deals }, (_, i) => {
      const customer = pick(customers);
      return {
        id: `D${i + 1}`,
        salesperson: customer.owner ?? 'S001',
        customer: customer.id,
        signedOn: day(rand),
        currency: rand() < 0.2 ? 'CNY' : pick(CURRENCIES),
        amount: amount(rand),
        status: rand() < 0.05 ? 'cancelled' : 'active',
      };
    }),
    receipts: Array.from({ length: size.receipts }, (_, i) => {
      const customer = pick(customers);
      const kind = rand();
      const currency = kind < 0.2 ? 'CNY' : pick(CURRENCIES);
      return {
        ref: `B${i + 1}`,
        valueDate: day(rand),
        currency,
        amount: amount(rand),
        ...(currency === 'CNY' ? {} : kind < 0.8 ? { rate: (7 + rand()).toFixed(4) } : {}),
        remitter: kind < 0.9 ? customer.name : `${customer.name}.`,
        ...(kind < 0.9 ? { customer: customer.id } : {}),
      };
    }),
    errors: Array.from({ length: 5000 }, () => ({ salesperson: pick(people), date: day(rand), weight: rand() < 0.1 ? 2 : 1 })),
    documents: people.map((salesperson) => ({ salesperson, quarter: '2026Q3', count: 200 + Math.floor(rand() * 100) })),
    targets: people.map((salesperson) => ({
      salesperson,
      quarter: '2026Q3',
      indicators: [
        { kpi: 'deal_volume', weight: 30, target: '5000000.00' },
        { kpi: 'settled', weight: 40, target: '10000000.00' },
        { kpi: 'new_customers', weight: 15, target: 2 },
        { kpi: 'error_rate', weight: 15, target: '0.05' },
      ],
    })),
    adjustments: [],
  };
}
