import { Button, Popconfirm, Table, Tag, Typography } from 'antd';
import type { PayerAssignment } from '../../../shared/api/contract';
import { useMutation, useQuery } from '../../api/hooks';
import { useReport } from '../../components/common';
import { money } from '../../format';
import { useT } from '../../i18n/strings';

/** Recent payer assignments, each undoable as a whole (alias removed, its receipts unmatched again). */
export function AssignmentHistory() {
  const t = useT();
  const assignments = useQuery('payers.assignments', {});
  const undo = useMutation('payers.undoAssign');
  const report = useReport();
  if ((assignments.data ?? []).length === 0) return null;
  return (
    <div>
      <Typography.Title level={5}>{t('payer.history')}</Typography.Title>
      <Table<PayerAssignment>
        rowKey="id"
        size="small"
        dataSource={assignments.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        data-testid="payer-assignments"
        columns={[
          { title: t('payer.when'), dataIndex: 'createdAt', width: 170, render: (v: string) => new Date(v).toLocaleString() },
          { title: t('rc.remitter'), dataIndex: 'payer' },
          { title: t('rc.customer'), render: (_, a) => `${a.customer} ${a.customerName}` },
          { title: t('payer.count'), dataIndex: 'receipts', align: 'right', width: 70 },
          { title: t('rc.cny'), dataIndex: 'cny', align: 'right', width: 130, render: money },
          {
            title: t('actions'),
            width: 110,
            render: (_, a) =>
              a.undoneAt ? (
                <Tag>{t('payer.undone')}</Tag>
              ) : (
                <Popconfirm
                  title={t('payer.undoConfirm', { payer: a.payer, customer: a.customerName })}
                  okText={t('payer.undo')}
                  cancelText={t('cancel')}
                  onConfirm={async () => void report(await undo({ id: a.id }), t('payer.undoDone', { payer: a.payer }))}
                >
                  <Button size="small" data-testid={`undo-assignment-${a.id}`}>
                    {t('payer.undo')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </div>
  );
}
