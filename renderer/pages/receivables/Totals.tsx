import { Col, Row, Statistic, Typography } from 'antd';
import type { ReceivablesReport } from '../../../shared/receivables/report';
import { money } from '../../format';
import { useT, type UiKey } from '../../i18n/strings';
import { useAppStore } from '../../state/appStore';

const RED = '#c8463d';

/** The company's figures as of the date, CNY. */
export function Totals({ report }: { report: ReceivablesReport }) {
  const t = useT();
  const openSettings = useAppStore((s) => s.openSettings);
  const { totals, unmatchedReceipts } = report;
  const missing = unmatchedReceipts.missingRate;
  const items: { key: string; label: UiKey; value: string; alert?: boolean }[] = [
    { key: 'outstanding', label: 'rv.outstanding', value: `¥${money(totals.outstanding)}` },
    { key: 'overdue', label: 'rv.overdue', value: `¥${money(totals.overdue)}`, alert: totals.overdue !== '0.00' },
    { key: 'backlog', label: 'rv.backlogAmount', value: `¥${money(totals.backlog)}` },
    { key: 'lateDeposits', label: 'rv.lateDeposits', value: `¥${money(totals.lateDeposits)}`, alert: totals.lateDeposits !== '0.00' },
    { key: 'writtenOff', label: 'rv.writtenOff', value: `¥${money(totals.writtenOff)}` },
    { key: 'unmatched', label: 'rv.unmatched', value: `${unmatchedReceipts.count} · ¥${money(unmatchedReceipts.cny)}`, alert: unmatchedReceipts.count > 0 },
  ];
  return (
    <Row gutter={12} style={{ marginTop: 12 }}>
      {items.map((item) => (
        <Col span={4} key={item.key}>
          <Statistic
            title={t(item.label)}
            value={item.value}
            valueStyle={{ fontSize: 18, color: item.alert ? RED : undefined }}
            data-testid={`rv-total-${item.key}`}
          />
          {item.key === 'unmatched' && missing && (
            // Unmatched money is nobody's receivable: a missing rate here is named, never blocking, never ¥0.00.
            <Typography.Link
              style={{ color: RED, fontSize: 12 }}
              onClick={() => openSettings('fx', { month: missing.month, currency: missing.currency })}
              data-testid="rv-unmatched-missing-rate"
            >
              {t('rv.unmatchedMissingRate', { n: missing.count, month: missing.month, currency: missing.currency })}
            </Typography.Link>
          )}
        </Col>
      ))}
    </Row>
  );
}
