import { PlusOutlined } from '@ant-design/icons';
import { Button, Divider, Table, Tag } from 'antd';
import { useState } from 'react';
import type { PaymentTerms, TermsInstalment } from '../../../shared/domain';
import { useMutation, useQuery } from '../../api/hooks';
import { RowActions, type Editing } from '../../components/common';
import { useT } from '../../i18n/strings';
import { ReceivablesSettings } from './ReceivablesSettings';
import { TermsEditor } from './TermsEditor';

/** One instalment in a few words, e.g. "30% 签约后 0 天". */
export function useDescribeInstalment(): (i: TermsInstalment) => string {
  const t = useT();
  return (i) => t('terms.describe', { percent: i.percent, from: t(i.from === 'signed' ? 'terms.fromSigned' : 'terms.fromShipped'), days: i.days });
}

/** 付款方式: the company's payment terms, and the settings receivables start from. */
export function TermsTab() {
  const t = useT();
  const settings = useQuery('settings.get', {});
  const save = useMutation('settings.update');
  const describe = useDescribeInstalment();
  const [editing, setEditing] = useState<Editing<PaymentTerms>>({ open: false });
  const terms = settings.data?.paymentTerms ?? [];
  return (
    <>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => setEditing({ open: true, record: null })}
        style={{ marginBottom: 12 }}
        data-testid="add-terms"
      >
        {t('add')}
      </Button>
      <Table<PaymentTerms>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={terms}
        data-testid="terms-table"
        locale={{ emptyText: t('terms.none') }}
        columns={[
          { title: t('terms.id'), dataIndex: 'id', width: 110 },
          {
            title: t('terms.name'),
            dataIndex: 'name',
            width: 220,
            render: (name: string, p) =>
              p.id === settings.data?.defaultTerms ? (
                <>
                  {name} <Tag color="blue">{t('terms.default')}</Tag>
                </>
              ) : (
                name
              ),
          },
          { title: t('terms.instalments'), render: (_, p) => p.instalments.map((i, n) => <Tag key={n}>{describe(i)}</Tag>) },
          {
            title: t('actions'),
            width: 90,
            render: (_, p) => (
              <RowActions onEdit={() => setEditing({ open: true, record: p })} onDelete={() => save({ paymentTerms: terms.filter((x) => x.id !== p.id) })} />
            ),
          },
        ]}
      />
      <TermsEditor editing={editing} terms={terms} onClose={() => setEditing({ open: false })} />
      <Divider />
      <ReceivablesSettings />
    </>
  );
}
