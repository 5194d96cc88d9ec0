import { Badge, Tabs } from 'antd';
import { useQuery } from '../api/hooks';
import { PageCard } from '../components/common';
import { useT } from '../i18n/strings';
import { BatchList } from './receipts/BatchList';
import { ImportPanel } from './receipts/ImportPanel';
import { PayerQueue } from './receipts/PayerQueue';
import { ReceiptList } from './receipts/ReceiptList';

/** 结汇/收汇: the receipts, the bank statement import, unmatched payers and import batches. */
export function ReceiptsPage() {
  const t = useT();
  const payers = useQuery('payers.unmatched', {});
  return (
    <PageCard>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'list', label: t('rc.tabList'), children: <ReceiptList /> },
          { key: 'import', label: <span data-testid="tab-import">{t('rc.tabImport')}</span>, children: <ImportPanel /> },
          {
            key: 'payers',
            label: (
              <Badge count={payers.data?.length ?? 0} size="small" offset={[8, -2]}>
                <span data-testid="tab-payers">{t('rc.tabPayers')}</span>
              </Badge>
            ),
            children: <PayerQueue />,
          },
          { key: 'batches', label: t('rc.tabBatches'), children: <BatchList /> },
        ]}
      />
    </PageCard>
  );
}
