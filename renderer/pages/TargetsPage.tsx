import { CopyOutlined, LockOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Salesperson } from '../../shared/domain';
import { isApproved } from '../../shared/workflow/steps';
import { targetSheetProblems } from '../../shared/engine/targetSheet';
import { message as apiMessage } from '../../shared/i18n/messages';
import { errorText } from '../api/errorText';
import { useMutation, useQuery } from '../api/hooks';
import { PageCard, useReport } from '../components/common';
import { leftBeforeQuarter } from '../components/people';
import { useT, type UiKey } from '../i18n/strings';
import { useAppStore } from '../state/appStore';
import { PersonDrawer } from './targets/PersonDrawer';
import {
  GRID_KPIS,
  customsFromSheet,
  customsToIndicators,
  emptyRow,
  rowFromSheet,
  sheetFromRow,
  weightSum,
  type CustomDraft,
  type GridKpi,
  type TargetRow,
} from './targetRows';

export function TargetsPage() {
  const t = useT();
  const quarter = useAppStore((s) => s.quarter);
  const lang = useAppStore((s) => s.lang);
  const { message } = AntApp.useApp();
  const people = useQuery('salespeople.list', {});
  const sheets = useQuery('targets.list', { quarter });
  // An approved person's targets are frozen (SPEC: only a reopen changes them): shown, not editable.
  const flow = useQuery('workflow.list', { quarter });
  const frozen = (id: string) => flow.data?.some((i) => i.salesperson === id && isApproved(i.stage)) ?? false;
  const save = useMutation('targets.set');
  const clear = useMutation('targets.delete');
  const copy = useMutation('targets.copyFromPrevious');
  const report = useReport();
  // Drafts are what the user is typing; the stored sheets stay in the query.
  const [drafts, setDrafts] = useState<Record<string, TargetRow>>({});
  const [customs, setCustoms] = useState<Record<string, CustomDraft[]>>({});
  const [open, setOpen] = useState<string | null>(null);
  const stored = (id: string) => sheets.data?.find((s) => s.salesperson === id)?.indicators ?? [];
  const restore = (id: string) => {
    setDrafts((d) => ({ ...d, [id]: rowFromSheet(stored(id)) }));
    setCustoms((c) => ({ ...c, [id]: customsFromSheet(stored(id)) }));
  };
  useEffect(() => {
    setDrafts(Object.fromEntries((sheets.data ?? []).map((s) => [s.salesperson, rowFromSheet(s.indicators)])));
    setCustoms(Object.fromEntries((sheets.data ?? []).map((s) => [s.salesperson, customsFromSheet(s.indicators)])));
  }, [sheets.data]);

  const rowOf = (id: string) => drafts[id] ?? emptyRow();
  const customsOf = (id: string) => customs[id] ?? [];
  const edit = (id: string, kpi: GridKpi, part: 'weight' | 'value', text: string) =>
    setDrafts((d) => {
      const row = d[id] ?? emptyRow();
      return { ...d, [id]: { ...row, [kpi]: { ...row[kpi], [part]: text } } };
    });
  const sheetOf = (id: string) => sheetFromRow(rowOf(id), customsToIndicators(customsOf(id)));
  const problemOf = (id: string) => {
    const first = targetSheetProblems(sheetOf(id))[0];
    return first ? apiMessage(first.code, first.params ?? {}, lang) : null;
  };
  const saveSheet = async (id: string) => {
    const result = await save({ salesperson: id, quarter, indicators: sheetOf(id) });
    if (result.ok) {
      report(result, t('saved'));
      return;
    }
    // A refused save (a bad sheet, an approved quarter) shows what is stored, not what was typed.
    restore(id);
    void message.error(`${errorText(result.error, lang)}（${t('tg.restored')}）`);
  };

  // 离职 before the quarter: no new targets; a sheet already stored stays visible (history).
  const all = people.data ?? [];
  const shown = all.filter((p) => !leftBeforeQuarter(p, quarter) || stored(p.id).length > 0);
  const hidden = all.length - shown.length;

  const kpiColumn = (kpi: GridKpi) => ({
    title: t(`kpi.${kpi}` as UiKey),
    children: [
      { title: t('tg.weight'), width: 52, render: (_: unknown, p: Salesperson) => cell(p.id, kpi, 'weight') },
      {
        title: kpi === 'error_rate' ? t('tg.baseline') : kpi === 'peer_review' ? t('tg.score') : t('tg.target'),
        width: kpi === 'new_customers' || kpi === 'error_rate' || kpi === 'peer_review' ? 64 : 104,
        render: (_: unknown, p: Salesperson) => cell(p.id, kpi, 'value'),
      },
    ],
  });
  const cell = (id: string, kpi: GridKpi, part: 'weight' | 'value') => (
    <Input
      size="small"
      value={rowOf(id)[kpi][part]}
      onChange={(e) => edit(id, kpi, part, e.target.value)}
      disabled={frozen(id)}
      style={{ textAlign: 'right' }}
      data-testid={`target-${id}-${kpi}-${part}`}
    />
  );

  const person = open ? (all.find((p) => p.id === open) ?? null) : null;
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
      {hidden > 0 && <Typography.Paragraph type="secondary">{t('tg.leftHidden', { n: hidden })}</Typography.Paragraph>}
      <Table<Salesperson>
        rowKey="id"
        size="small"
        bordered
        pagination={false}
        loading={people.loading || sheets.loading}
        dataSource={shown}
        scroll={{ x: 1026 }}
        columns={[
          { title: t('sp.name'), fixed: 'left', width: 84, render: (_, p) => <Typography.Text strong>{p.name}</Typography.Text> },
          ...GRID_KPIS.map(kpiColumn),
          {
            title: t('tg.sum'),
            width: 78,
            align: 'center',
            fixed: 'right',
            render: (_, p) => {
              const sum = weightSum(rowOf(p.id), customsOf(p.id));
              const problem = problemOf(p.id);
              const blank = sum === '0' && stored(p.id).length === 0;
              return blank ? (
                '—'
              ) : (
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
            width: 204,
            fixed: 'right',
            render: (_, p) => (
              <Space size={4}>
                {frozen(p.id) ? (
                  <Tooltip title={t('tg.frozenHelp')}>
                    <Tag icon={<LockOutlined />} data-testid={`target-${p.id}-frozen`}>
                      {t('tg.frozen')}
                    </Tag>
                  </Tooltip>
                ) : (
                  <Button size="small" type="primary" icon={<SaveOutlined />} data-testid={`target-${p.id}-save`} onClick={() => void saveSheet(p.id)}>
                    {t('save')}
                  </Button>
                )}
                <Tooltip title={t('tg.details')}>
                  <Button size="small" onClick={() => setOpen(p.id)} data-testid={`target-${p.id}-details`}>
                    {t('adj.section')}
                  </Button>
                </Tooltip>
                {stored(p.id).length > 0 && !frozen(p.id) && (
                  <Button size="small" onClick={async () => report(await clear({ salesperson: p.id, quarter }))}>
                    {t('tg.clear')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <PersonDrawer
        person={person}
        quarter={quarter}
        customs={open ? customsOf(open) : []}
        sum={open ? weightSum(rowOf(open), customsOf(open)) : '0'}
        problem={open ? problemOf(open) : null}
        frozen={open ? frozen(open) : false}
        onChange={(next) => open && setCustoms((c) => ({ ...c, [open]: next }))}
        onSave={() => open && void saveSheet(open)}
        onClose={() => setOpen(null)}
      />
    </PageCard>
  );
}
