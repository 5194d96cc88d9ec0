import { Button, Popconfirm, Table, Typography } from 'antd';
import type { ColumnMappingInfo as StoredColumnMapping } from '../../../shared/api/contract';
import { ROLES } from '../../../shared/bank/headerWords';
import { useMutation, useQuery } from '../../api/hooks';
import { useReport } from '../../components/common';
import { useT, type UiKey } from '../../i18n/strings';

/** Column settings remembered per statement header (SPEC §10), each deletable. */
export function ColumnMappingsList() {
  const t = useT();
  const mappings = useQuery('columnMappings.list', {});
  const remove = useMutation('columnMappings.delete');
  const report = useReport();
  const describe = (m: StoredColumnMapping) =>
    ROLES.filter((role) => m.columns[role] !== undefined)
      .map((role) => t('map.columnOf', { role: t(`role.${role}` as UiKey), column: (m.columns[role] ?? 0) + 1 }))
      .join('，');
  return (
    <>
      <Typography.Title level={5}>{t('map.saved')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('map.savedHelp')}</Typography.Paragraph>
      <Table<StoredColumnMapping>
        rowKey="headerKey"
        size="small"
        pagination={false}
        dataSource={mappings.data ?? []}
        locale={{ emptyText: t('map.savedNone') }}
        style={{ maxWidth: 1000 }}
        data-testid="column-mappings"
        columns={[
          { title: t('map.header'), dataIndex: 'headerKey', width: 320, ellipsis: true, render: (key: string) => key.split('|').join(' | ') },
          { title: t('map.columns'), render: (_, m) => describe(m) },
          { title: t('set.backupTime'), dataIndex: 'createdAt', width: 170, render: (v: string) => new Date(v).toLocaleString() },
          {
            title: t('actions'),
            width: 90,
            render: (_, m) => (
              <Popconfirm
                title={t('map.deleteConfirm')}
                okText={t('delete')}
                cancelText={t('cancel')}
                onConfirm={async () => void report(await remove({ headerKey: m.headerKey }), t('deleted'))}
              >
                <Button size="small" danger>
                  {t('delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </>
  );
}
