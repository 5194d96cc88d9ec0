import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, receiptShares, settledDates, type AllocationGroup } from '../../shared/receivables/allocation';

const DATES = ['2026-07-01', '2026-07-02', '2026-07-05', '2026-07-10', '2026-08-01', '2026-09-30'];
const date = fc.constantFrom(...DATES);

/** A customer and currency: up to 3 deals with instalments, receipts (some pinned, some refunds), write-offs within their instalments. */
function groups(options: { pins: boolean; refunds: boolean }): fc.Arbitrary<AllocationGroup> {
  return fc
    .record({
      instalments: fc.array(fc.record({ deal: fc.integer({ min: 0, max: 2 }), amountFen: fc.integer({ min: 1, max: 100_000 }) }), { maxLength: 8 }),
      receipts: fc.array(
        fc.record({
          date,
          fen: options.refunds ? fc.integer({ min: -50_000, max: 150_000 }).filter((n) => n !== 0) : fc.integer({ min: 1, max: 150_000 }),
          pin: fc.integer({ min: -1, max: 2 }),
        }),
        { maxLength: 10 },
      ),
      writeOffs: fc.array(fc.record({ k: fc.nat(), date, share: fc.double({ min: 0, max: 0.5, noNaN: true }) }), { maxLength: 4 }),
    })
    .map(({ instalments, receipts, writeOffs }) => ({
      dealCount: 3,
      instalments: instalments.map((inst, k) => ({
        ...inst,
        // At most half of an instalment per write-off and two write-offs: never more than the instalment.
        writeOffs: writeOffs
          .filter((w) => instalments.length > 0 && w.k % instalments.length === k)
          .slice(0, 2)
          .map((w) => ({ date: w.date, fen: Math.floor(inst.amountFen * w.share) })),
      })),
      receipts: receipts
        .map((r) => ({ date: r.date, fen: r.fen, pinned: options.pins && r.fen > 0 ? r.pin : -1 }))
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    }));
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const AS_OF = '2026-09-30';

describe('allocation properties (fast-check)', () => {
  it('never pays an instalment more than it owes, nor less than nothing', () => {
    fc.assert(
      fc.property(groups({ pins: true, refunds: true }), (g) => {
        const a = allocate(g, AS_OF, AS_OF);
        a.paid.forEach((paid, k) => {
          expect(paid).toBeGreaterThanOrEqual(0);
          expect(paid).toBeLessThanOrEqual(a.owe[k] ?? 0);
        });
      }),
    );
  });

  it('Σ paid + unapplied = Σ receipts whenever receipts are non-negative in total (refunds unpinned, no pins)', () => {
    fc.assert(
      fc.property(groups({ pins: false, refunds: true }), (g) => {
        fc.pre(sum(g.receipts.map((r) => r.fen)) >= 0);
        const a = allocate(g, AS_OF, AS_OF);
        expect(sum(a.paid) + a.unapplied).toBe(sum(g.receipts.map((r) => r.fen)));
      }),
    );
  });

  it('Σ paid + unapplied = Σ receipts with pinned receipts when no receipt is a refund', () => {
    fc.assert(
      fc.property(groups({ pins: true, refunds: false }), (g) => {
        const a = allocate(g, AS_OF, AS_OF);
        expect(sum(a.paid) + a.unapplied).toBe(sum(g.receipts.map((r) => r.fen)));
      }),
    );
  });

  it('settles every instalment of a fully paid customer, and only outstanding ones lack a settled date', () => {
    fc.assert(
      fc.property(groups({ pins: true, refunds: true }), (g) => {
        const a = allocate(g, AS_OF, AS_OF);
        const settled = settledDates(g, AS_OF);
        const fullyPaid = a.paid.every((paid, k) => paid === a.owe[k]);
        if (fullyPaid) expect(settled.every((d) => d !== null)).toBe(true);
        a.paid.forEach((paid, k) => expect(settled[k] !== null).toBe(paid === a.owe[k]));
      }),
    );
  });

  it('names receipts for exactly what each instalment was paid', () => {
    fc.assert(
      fc.property(groups({ pins: true, refunds: false }), (g) => {
        const a = allocate(g, AS_OF, AS_OF);
        const shares = receiptShares(g, a, AS_OF);
        a.paid.forEach((paid, k) => expect(sum(shares.filter((s) => s.instalment === k).map((s) => s.fen))).toBe(paid));
        g.receipts.forEach((r, i) => expect(sum(shares.filter((s) => s.receipt === i).map((s) => s.fen))).toBeLessThanOrEqual(r.fen));
      }),
    );
  });
});
