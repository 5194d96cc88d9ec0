import { CopyOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Salesperson } from '../../shared/domain';
import { targetSheetProblems } from '../../shared/engine/targetSheet';
import { message as apiMessage } from '../../shared/i18n/messages';
import { useMutation, useQuery } from '../api/hooks';
import { PageCard, useReport } from '../components/common';
import { useT, type UiKey } from '../i18n/strings';
import { useAppStore } from '../state/appStore';
import { GRID_KPIS, emptyRow, rowFromSheet, sheetFromRow, weightSum, type GridKpi, type TargetRow } from './targetRows';

export function TargetsPage() {
  const t = useT();
  const { quarter, lang } = useAppStore();
  const people = useQuery('salespeople.list', {});
  const sheets = useQuery('targets.list', { quarter });
  const save = useMutation('targets.set');
  const clear = useMutation('targets.delete');
  const copy = useMutation('targets.copyFromPrevious');
  const report = useReport();
  // Drafts are what the user is typing; the stored sheets stay in the query.
  const [drafts, setDrafts] = useState<Record<string, TargetRow>>({});
  useEffect(() => {
    setDrafts(Object.fromEntries((sheets.data ?? []).map((s) => [s.salesperson, rowFromSheet(s.indicators)])));
  }, [sheets.data]);

  const rowOf = (id: string) => drafts[id] ?? emptyRow();
  const edit = (id: string, kpi: GridKpi, part: 'weight' | 'value', text: string) =>
    setDrafts((d) => {
      const row = d[id] ?? emptyRow();
      return { ...d, [id]: { ...row, [kpi]: { ...row[kpi], [part]: text } } };
    });
  const stored = (id: string) => sheets.data?.find((s) => s.salesperson === id)?.indicators ?? [];
  const problemOf = (id: string) => {
    const first = targetSheetProblems(sheetFromRow(rowOf(id), stored(id)))[0];
    return first ? apiMessage(first.code, first.params ?? {}, lang) : null;
  };

  const kpiColumn = (kpi: GridKpi) => ({
    title: t(`kpi.${kpi}` as UiKey),
    children: [
      { title: t('tg.weight'), width: 70, render: (_: unknown, p: Salesperson) => cell(p.id, kpi, 'weight') },
      { title: kpi === 'error_rate' ? t('tg.baseline') : kpi === 'peer_review' ? t('tg.score') : t('tg.target'), width: kpi === 'new_customers' || kpi === 'error_rate' || kpi === 'peer_review' ? 80 : 130, render: (_: unknown, p: Salesperson) => cell(p.id, kpi, 'value') },
    ],
  });
  const cell = (id: string, kpi: GridKpi, part: 'weight' | 'value') => (
    <Input size="small" value={rowOf(id)[kpi][part]} onChange={(e) => edit(id, kpi, part, e.target.value)} style={{ textAlign: 'right' }} data-testid={`target-${id}-${kpi}-${part}`} />
  );

  return (
    <PageCard
      title={t('tg.title', { quarter })}
      extra={
        <Button icon={<CopyOutlined />} onClick={async () => report(await copy({ quarter }), t('tg.copied'))}>
          {t('tg.copy')}
        </Button>
      }
    >
      <Alert type="info" showIcon message={t('tg.help')} style={{ marginBottom: 12 }} />
      <Table<Salesperson>
        rowKey="id"
        size="small"
        bordered
        pagination={false}
        loading={people.loading || sheets.loading}
        dataSource={people.data ?? []}
        scroll={{ x: 1200 }}
        columns={[
          { title: t('sp.name'), fixed: 'left', width: 110, render: (_, p) => <Typography.Text strong>{p.name}</Typography.Text> },
          ...GRID_KPIS.map(kpiColumn),
          {
            title: t('tg.sum'),
            width: 90,
            align: 'center',
            render: (_, p) => {
              const sum = weightSum(rowOf(p.id));
              const problem = problemOf(p.id);
              const blank = sum === '0' && stored(p.id).length === 0;
              return blank ? '—' : (
                <Tooltip title={problem}>
                  <Tag color={problem ? 'red' : 'green'} data-testid={`target-${p.id}-sum`}>
                    {sum}
                  </Tag>
                </Tooltip>
              );
            },
          },
          {
            title: t('actions'),
            width: 150,
            fixed: 'right',
            render: (_, p) => (
              <Space size={4}>
                <Button size="small" type="primary" icon={<SaveOutlined />} data-testid={`target-${p.id}-save`} onClick={async () => report(await save({ salesperson: p.id, quarter, indicators: sheetFromRow(rowOf(p.id), stored(p.id)) }), t('saved'))}>
                  {t('save')}
                </Button>
                {stored(p.id).length > 0 && (
                  <Button size="small" onClick={async () => report(await clear({ salesperson: p.id, quarter }))}>
                    {t('tg.clear')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </PageCard>
  );
}
