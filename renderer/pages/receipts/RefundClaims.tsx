import { Alert, Button, List, Modal, Select } from 'antd';
import { useState } from 'react';
import type { ImportSummary } from '../../../shared/api/contract';
import type { InstalmentRow } from '../../../shared/receivables/report';
import { useQuery } from '../../api/hooks';
import { QuarterProblem } from '../../components/QuarterProblem';
import { money } from '../../format';
import { useT } from '../../i18n/strings';
import { instalmentKey } from '../receivables/figures';
import { WriteOffModal } from '../receivables/WriteOffModal';

export type RefundRow = { receiptId: number; customer: string | null; customerName?: string | null; date: string; currency: string; amount: string };
/** The import report with the refunds it committed (added to the report by the bank import). */
type WithRefunds = ImportSummary & { refundRows?: RefundRow[] };

/** Refunds to customers among the imported rows. */
export function refundsOf(summaries: readonly ImportSummary[]): RefundRow[] {
  return summaries.flatMap((s) => ((s as WithRefunds).refundRows ?? []).filter((r) => r.customer !== null));
}

/**
 * After an import: each refund paid back to a customer, with an offer to record its other side as
 * a claim write-off (索赔/折让) on the instalment it settles — the refund alone would reopen it.
 */
export function RefundClaims({ refunds }: { refunds: RefundRow[] }) {
  const t = useT();
  const [refund, setRefund] = useState<RefundRow | null>(null);
  const [instalment, setInstalment] = useState<InstalmentRow | null>(null);
  if (refunds.length === 0) return null;
  const positive = (amount: string) => amount.replace(/^-/, '');
  return (
    <Alert
      type="info"
      showIcon
      data-testid="refund-claims"
      message={t('claim.title', { n: refunds.length })}
      description={
        <>
          <List
            size="small"
            dataSource={refunds}
            renderItem={(r) => (
              <List.Item
                actions={[
                  <Button key="claim" size="small" onClick={() => setRefund(r)} data-testid={`claim-${r.receiptId}`}>
                    {t('claim.record')}
                  </Button>,
                ]}
              >
                {t('claim.row', { date: r.date, customer: r.customerName ?? r.customer ?? '', currency: r.currency, amount: money(positive(r.amount)) })}
              </List.Item>
            )}
          />
          <InstalmentChooser
            refund={instalment === null ? refund : null}
            onClose={() => setRefund(null)}
            onChoose={(row) => {
              setInstalment(row);
            }}
          />
          <WriteOffModal
            instalment={instalment}
            asOf={refund?.date ?? ''}
            defaults={
              refund ? { date: refund.date, amount: positive(refund.amount), kind: 'claim', reason: t('claim.reason', { date: refund.date }) } : undefined
            }
            onClose={() => {
              setInstalment(null);
              setRefund(null);
            }}
          />
        </>
      }
    />
  );
}

/** Picks the instalment of the refund's customer (same currency) that the claim belongs to. */
function InstalmentChooser({ refund, onClose, onChoose }: { refund: RefundRow | null; onClose(): void; onChoose(row: InstalmentRow): void }) {
  const t = useT();
  const [chosen, setChosen] = useState<string | null>(null);
  const detail = useQuery('receivables.customer', refund?.customer ? { customer: refund.customer, asOf: refund.date } : null);
  const rows = (detail.data?.instalments ?? []).filter((i) => i.currency === refund?.currency);
  return (
    <Modal
      open={refund !== null}
      title={t('claim.choose')}
      onCancel={onClose}
      okButtonProps={{ disabled: !chosen }}
      onOk={() => {
        const row = rows.find((r) => instalmentKey(r) === chosen);
        if (row) onChoose(row);
        setChosen(null);
      }}
      destroyOnHidden
    >
      {detail.error && <QuarterProblem error={detail.error} />}
      {detail.data && rows.length === 0 && (
        // Nothing to pick would be an empty list and a dead end: say why there is none.
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="claim-none"
          message={t('claim.none', { customer: refund?.customerName ?? refund?.customer ?? '', currency: refund?.currency ?? '' })}
        />
      )}
      <Select
        style={{ width: '100%' }}
        value={chosen ?? undefined}
        onChange={setChosen}
        loading={detail.loading}
        data-testid="claim-instalment"
        options={rows.map((r) => ({
          value: instalmentKey(r),
          label: t('claim.option', { deal: r.deal, number: r.number, amount: money(r.amount), outstanding: money(r.outstanding) }),
        }))}
      />
    </Modal>
  );
}
