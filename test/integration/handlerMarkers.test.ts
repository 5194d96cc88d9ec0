import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Api, ApiMethod } from '../../shared/api/contract';
import { DomainError } from '../../shared/api/errors';
import { openDatabase } from '../../electron/db/connection';
import type { WriteDb } from '../../electron/db/handles';
import { insertSalesperson } from '../../electron/db/repositories/salespeople';
import { preparedRead } from '../../electron/db/statements';
import { createApi, createServices, transactional } from '../../electron/services';
import { read, write, type ServiceHandlers } from '../../electron/services/markers';
import { ok, throughInterview } from '../goldenWorkflow';
import { GOLDEN, readJson, tempDir } from '../helpers';

let db: WriteDb;
let api: Api;
const Q = '2026Q3';

type AuditRow = { action: string; actor: string | null; entity_id: string | null; detail: string | null };
const auditRows = (): AuditRow[] => db.prepare('SELECT action, actor, entity_id, detail FROM audit_log ORDER BY id').all() as AuditRow[];
const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;

beforeEach(async () => {
  db = openDatabase(path.join(tempDir(), 'markers.db'), { create: true });
  api = createApi(createServices(db));
  await ok(api['bundle.load']({ bundle: readJson(path.join(GOLDEN, 'bundle.json')) }));
});

describe('handlers are wrapped by their marker, not their name', () => {
  it('leaves exactly one audit row for one approval, naming its approver', async () => {
    await throughInterview(api, 'S01');
    const before = auditRows().length;
    await ok(api['workflow.approve']({ quarter: Q, by: '张总', opinion: '同意' }));
    const added = auditRows().slice(before);
    expect(
      added.map((r) => ({ action: r.action, actor: r.actor, entityId: r.entity_id })),
      'audit rows written by one approval',
    ).toEqual([{ action: 'workflow.approve', actor: '张总', entityId: Q }]);
    // The one row still says who was approved (the handler's note), not only the arguments.
    expect(JSON.parse(added[0]?.detail ?? 'null'), 'detail of the approval row').toMatchObject({ approved: ['S01'] });
  });

  it('names the actor of a workflow step from its `by`', async () => {
    const before = auditRows().length;
    await ok(api['workflow.confirmTargets']({ salesperson: 'S01', quarter: Q, by: '王经理' }));
    expect(
      auditRows()
        .slice(before)
        .map((r) => [r.action, r.actor]),
    ).toEqual([['workflow.confirmTargets', '王经理']]);
  });

  it('leaves no audit row for a read', async () => {
    const before = auditRows().length;
    await ok(api['appraisal.quarter']({ quarter: Q }));
    await ok(api['deals.list']({}));
    await ok(api['receivables.report']({ asOf: '2026-09-30' }));
    expect(auditRows().slice(before), 'audit rows written by three reads').toEqual([]);
  });

  it('leaves nothing behind when a write throws after writing a row: no row, no audit entry', () => {
    const people = count('SELECT count(*) AS n FROM salespeople');
    const audits = count('SELECT count(*) AS n FROM audit_log');
    const failing = transactional(db, {
      'salespeople.create': write((db, person) => {
        insertSalesperson(db, person);
        throw new DomainError('inUse.salesperson', { id: person.id });
      }),
    });
    expect(() =>
      failing['salespeople.create']({
        id: 'S99',
        name: '半途',
        department: '',
        hiredOn: null,
        monthlyBaseSalary: '0.00',
        performanceBasePay: '0.00',
        annualBonusBase: null,
        commissionPlan: null,
        leftOn: null,
      }),
    ).toThrow(DomainError);
    expect(
      { people: count('SELECT count(*) AS n FROM salespeople'), audits: count('SELECT count(*) AS n FROM audit_log') },
      'rows after a failed write',
    ).toEqual({ people, audits });
  });

  it('refuses to prepare a statement that writes through the read helper', () => {
    const people = count('SELECT count(*) AS n FROM salespeople');
    // The types keep a read handler away from preparedWrite (test/types/readHandlerCannotWrite.ts);
    // SQLite's own readonly flag keeps write SQL out of preparedRead.
    for (const sql of ['DELETE FROM salespeople', "UPDATE salespeople SET name = 'x'", 'DROP TABLE audit_log', 'PRAGMA user_version = 99'])
      expect(() => preparedRead(db, sql), sql).toThrow(/preparedRead refuses a statement that writes/);
    expect(count('SELECT count(*) AS n FROM salespeople'), 'salespeople after the refused statements').toBe(people);
    expect(preparedRead(db, 'SELECT count(*) AS n FROM salespeople').get(), 'a read through the read helper').toEqual({ n: people });
  });

  it('refuses at compile time a handler map with an unmarked function', () => {
    const handlers: Pick<ServiceHandlers<ApiMethod>, 'company.get'> = {
      // @ts-expect-error — the one accepted use: this line proves that an unmarked handler does not compile (STYLE rule 13).
      'company.get': () => null,
    };
    const marked: Pick<ServiceHandlers<ApiMethod>, 'company.get'> = { 'company.get': read(() => null) };
    // At run time too, an unmarked function that slipped in through a cast is refused.
    expect(() => transactional(db, handlers)).toThrow(/company\.get has no read\/write\/ownTransaction marker/);
    expect(() => transactional(db, marked)).not.toThrow();
  });
});
