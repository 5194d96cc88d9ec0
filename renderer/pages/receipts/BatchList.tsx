import { UndoOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Table, Tag } from 'antd';
import type { ImportBatch, ImportSummary } from '../../../shared/api/contract';
import { useMutation, useQuery } from '../../api/hooks';
import { useReport } from '../../components/common';
import { useT } from '../../i18n/strings';

/** Every import, newest first, with undo (refused, with the reason, once an appraisal it feeds is approved). */
export function BatchList() {
  const t = useT();
  const batches = useQuery('batches.list', {});
  const undo = useMutation('batches.undo');
  const report = useReport();
  return (
    <Table<ImportBatch>
      rowKey="id"
      size="small"
      loading={batches.loading}
      dataSource={batches.data ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: t('bat.id'), dataIndex: 'id', width: 70 },
        { title: t('bat.file'), dataIndex: 'fileName' },
        { title: t('bat.time'), dataIndex: 'createdAt', width: 190, render: (v: string) => new Date(v).toLocaleString() },
        { title: t('bat.imported'), width: 90, align: 'right', render: (_, b) => (b.summary as ImportSummary | null)?.imported ?? '—' },
        {
          title: t('actions'),
          width: 130,
          render: (_, b) =>
            b.undoneAt ? (
              <Tag>{t('bat.undone')}</Tag>
            ) : (
              <Popconfirm title={t('bat.confirm')} onConfirm={async () => report(await undo({ id: b.id }), t('bat.done'))}>
                <Button size="small" icon={<UndoOutlined />}>
                  {t('bat.undo')}
                </Button>
              </Popconfirm>
            ),
        },
      ]}
    />
  );
}
