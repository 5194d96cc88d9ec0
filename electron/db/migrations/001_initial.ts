import type { Migration } from '../migrate';

/*
 * The first schema. Money is INTEGER fen (exact sums in SQL), FX rates INTEGER millionths per
 * ONE foreign unit, other decimals (targets, weights, points, shares) canonical TEXT. CHECK and
 * foreign keys make the database itself refuse impossible rows.
 */
const sql = `
CREATE TABLE company (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  base_currency TEXT NOT NULL DEFAULT 'CNY' CHECK (base_currency = 'CNY')
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
);

CREATE TABLE commission_plans (
  id TEXT PRIMARY KEY CHECK (length(id) > 0),
  mode TEXT NOT NULL CHECK (mode IN ('progressive', 'whole')),
  new_customer_bonus_fen INTEGER NOT NULL DEFAULT 0 CHECK (new_customer_bonus_fen >= 0)
);

CREATE TABLE commission_brackets (
  plan_id TEXT NOT NULL REFERENCES commission_plans(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL CHECK (seq >= 0),
  up_to_fen INTEGER CHECK (up_to_fen IS NULL OR up_to_fen > 0),
  rate TEXT NOT NULL,
  PRIMARY KEY (plan_id, seq)
);

CREATE TABLE salespeople (
  id TEXT PRIMARY KEY CHECK (length(id) > 0),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  department TEXT,
  hired_on TEXT CHECK (hired_on IS NULL OR hired_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  monthly_base_salary_fen INTEGER NOT NULL DEFAULT 0 CHECK (monthly_base_salary_fen >= 0),
  performance_base_pay_fen INTEGER NOT NULL DEFAULT 0 CHECK (performance_base_pay_fen >= 0),
  annual_bonus_base_fen INTEGER CHECK (annual_bonus_base_fen IS NULL OR annual_bonus_base_fen >= 0),
  commission_plan_id TEXT REFERENCES commission_plans(id)
);

CREATE TABLE customers (
  id TEXT PRIMARY KEY CHECK (length(id) > 0),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  normalized_name TEXT NOT NULL,
  country TEXT,
  owner_id TEXT REFERENCES salespeople(id)
);
CREATE INDEX customers_normalized ON customers(normalized_name);
CREATE INDEX customers_owner ON customers(owner_id);

CREATE TABLE customer_aliases (
  customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  alias TEXT NOT NULL CHECK (length(trim(alias)) > 0),
  normalized TEXT NOT NULL,
  PRIMARY KEY (customer_id, seq),
  UNIQUE (customer_id, alias)
);
CREATE INDEX customer_aliases_normalized ON customer_aliases(normalized);

CREATE TABLE fx_rates (
  month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  currency TEXT NOT NULL CHECK (length(currency) = 3 AND currency <> 'CNY'),
  rate_micro INTEGER NOT NULL CHECK (rate_micro > 0),
  PRIMARY KEY (month, currency)
);

CREATE TABLE deals (
  id TEXT PRIMARY KEY CHECK (length(id) > 0),
  contract_no TEXT,
  salesperson_id TEXT NOT NULL REFERENCES salespeople(id),
  customer_id TEXT REFERENCES customers(id),
  signed_on TEXT NOT NULL CHECK (signed_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  currency TEXT NOT NULL CHECK (length(currency) = 3),
  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0 AND amount_fen <= 1000000000000),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled'))
);
CREATE INDEX deals_signed ON deals(signed_on, salesperson_id);
CREATE INDEX deals_customer ON deals(customer_id, signed_on);

CREATE TABLE import_batches (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  file_name TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE receipts (
  id INTEGER PRIMARY KEY,
  ref TEXT,
  value_date TEXT NOT NULL CHECK (value_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  currency TEXT NOT NULL CHECK (length(currency) = 3),
  amount_fen INTEGER NOT NULL CHECK (amount_fen <> 0 AND abs(amount_fen) <= 1000000000000),
  rate_micro INTEGER CHECK (rate_micro IS NULL OR (rate_micro > 0 AND rate_micro < 1000000000)),
  bank_cny_fen INTEGER CHECK (bank_cny_fen IS NULL OR abs(bank_cny_fen) <= 100000000000000),
  remitter TEXT,
  memo TEXT,
  customer_id TEXT REFERENCES customers(id),
  manual_salesperson_id TEXT REFERENCES salespeople(id),
  matched_owner_id TEXT REFERENCES salespeople(id),
  not_customer INTEGER NOT NULL DEFAULT 0 CHECK (not_customer IN (0, 1)),
  batch_id INTEGER REFERENCES import_batches(id)
);
CREATE INDEX receipts_value_date ON receipts(value_date);
CREATE INDEX receipts_customer ON receipts(customer_id, value_date);
CREATE UNIQUE INDEX receipts_ref ON receipts(ref) WHERE ref IS NOT NULL;

CREATE TABLE error_records (
  id INTEGER PRIMARY KEY,
  salesperson_id TEXT NOT NULL REFERENCES salespeople(id),
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  weight INTEGER NOT NULL DEFAULT 1 CHECK (weight >= 1),
  note TEXT
);
CREATE INDEX error_records_date ON error_records(date, salesperson_id);

CREATE TABLE document_counts (
  salesperson_id TEXT NOT NULL REFERENCES salespeople(id),
  quarter TEXT NOT NULL CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'),
  count INTEGER NOT NULL CHECK (count >= 0),
  PRIMARY KEY (salesperson_id, quarter)
);

CREATE TABLE target_indicators (
  salesperson_id TEXT NOT NULL REFERENCES salespeople(id),
  quarter TEXT NOT NULL CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'),
  seq INTEGER NOT NULL CHECK (seq >= 0),
  kpi TEXT NOT NULL CHECK (kpi IN ('deal_volume', 'settled', 'new_customers', 'error_rate', 'peer_review', 'custom')),
  weight TEXT NOT NULL,
  target TEXT,
  score TEXT,
  name TEXT,
  direction TEXT CHECK (direction IS NULL OR direction IN ('higher', 'lower')),
  actual TEXT,
  PRIMARY KEY (salesperson_id, quarter, seq)
);
CREATE INDEX target_indicators_quarter ON target_indicators(quarter);

CREATE TABLE adjustments (
  id INTEGER PRIMARY KEY,
  salesperson_id TEXT NOT NULL REFERENCES salespeople(id),
  period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]Q[1-4]' OR period GLOB '[0-9][0-9][0-9][0-9]'),
  points TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0)
);
CREATE INDEX adjustments_period ON adjustments(period, salesperson_id);

CREATE TABLE appraisals (
  salesperson_id TEXT NOT NULL REFERENCES salespeople(id),
  quarter TEXT NOT NULL CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'approved')),
  override_total TEXT,
  override_reason TEXT,
  result TEXT CHECK (result IS NULL OR json_valid(result)),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (salesperson_id, quarter),
  CHECK (override_total IS NULL OR length(trim(override_reason)) > 0)
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT,
  action TEXT NOT NULL,
  entity TEXT,
  entity_id TEXT,
  detail TEXT CHECK (detail IS NULL OR json_valid(detail))
);
`;

export const initialSchema: Migration = { version: 1, name: 'initial schema', up: (db) => db.exec(sql) };
