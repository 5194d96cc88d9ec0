import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space, Table, Typography } from 'antd';
import { z } from 'zod';
import { useState } from 'react';
import type { StoredAdjustment } from '../../../shared/entities';
import { Dec, isDecimalText } from '../../../shared/money';
import { normalizeNumberText } from '../../../shared/numberText';
import { points, text } from '../../../shared/schemas/fields';
import { errorText } from '../../api/errorText';
import { useMutation, useQuery } from '../../api/hooks';
import { RowActions, useReport, type Editing } from '../../components/common';
import { RecordForm, type Field } from '../../components/RecordForm';
import { useT } from '../../i18n/strings';
import { useAppStore } from '../../state/appStore';

const adjustmentForm = z.object({ points, reason: text });

/**
 * 加扣分 of one person and quarter: ± points with a reason, added, edited and deleted through
 * the API (refused once the quarter's appraisal is approved, with the API's message).
 */
export function AdjustmentList({ salesperson, quarter, frozen = false }: { salesperson: string; quarter: string; frozen?: boolean }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const list = useQuery('adjustments.list', { period: quarter, salesperson });
  const create = useMutation('adjustments.create');
  const update = useMutation('adjustments.update');
  const remove = useMutation('adjustments.delete');
  const report = useReport();
  const [draft, setDraft] = useState({ points: '', reason: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing<StoredAdjustment>>({ open: false });
  const rows = list.data ?? [];
  const sum = rows.reduce((s, a) => s.plus(a.points), new Dec(0)).toFixed(2);
  const add = async () => {
    const result = await create({ salesperson, period: quarter, points: normalizeNumberText(draft.points.trim()).replace(/^\+/, ''), reason: draft.reason });
    if (result.ok) {
      setDraft({ points: '', reason: '' });
      setProblem(null);
      report(result, t('saved'));
    } else setProblem(errorText(result.error, lang));
  };
  const fields: Field[] = [
    { name: 'points', label: t('adj.points'), kind: 'money' },
    { name: 'reason', label: t('adj.reason') },
  ];
  const typed = normalizeNumberText(draft.points.trim());
  return (
    <div data-testid="adjustments">
      <Table<StoredAdjustment>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('adj.none') }}
        columns={[
          {
            title: t('adj.points'),
            dataIndex: 'points',
            width: 150,
            align: 'right',
            render: (v: string) => (new Dec(v).isPositive() ? `+${v.replace(/^\+/, '')}` : v),
          },
          { title: t('adj.reason'), dataIndex: 'reason' },
          ...(frozen
            ? []
            : [
                {
                  title: t('actions'),
                  width: 90,
                  render: (_: unknown, a: StoredAdjustment) => (
                    <RowActions onEdit={() => setEditing({ open: true, record: a })} onDelete={() => remove({ id: a.id })} />
                  ),
                },
              ]),
        ]}
      />
      <Typography.Text type="secondary" style={{ display: 'block', margin: '6px 0 10px' }} data-testid="adjustments-sum">
        {t('adj.sum', { sum })}
      </Typography.Text>
      <Form layout="vertical" onFinish={() => void add()} style={{ display: frozen ? 'none' : undefined }}>
        <Space align="start" wrap>
          <Form.Item label={t('adj.points')} style={{ marginBottom: 8 }}>
            <Input
              value={draft.points}
              onChange={(e) => setDraft({ ...draft, points: e.target.value })}
              placeholder="+2 / -3"
              inputMode="decimal"
              style={{ width: 130 }}
              data-testid="adjustment-points"
            />
          </Form.Item>
          <Form.Item label={t('adj.reason')} style={{ marginBottom: 8 }}>
            <Input
              value={draft.reason}
              onChange={(e) => setDraft({ ...draft, reason: e.target.value })}
              style={{ width: 260 }}
              data-testid="adjustment-reason"
            />
          </Form.Item>
          <Form.Item label=" " style={{ marginBottom: 8 }}>
            <Button
              htmlType="submit"
              type="primary"
              icon={<PlusOutlined />}
              disabled={!isDecimalText(typed) || draft.reason.trim() === ''}
              data-testid="adjustment-add"
            >
              {t('adj.add')}
            </Button>
          </Form.Item>
        </Space>
      </Form>
      {problem && (
        <Typography.Text type="danger" data-testid="adjustment-error">
          {problem}
        </Typography.Text>
      )}
      <RecordForm<{ points: string; reason: string }>
        title={t('adj.section')}
        open={editing.open}
        editing
        initial={editing.open ? editing.record : null}
        fields={fields}
        schema={adjustmentForm}
        onClose={() => setEditing({ open: false })}
        onSubmit={(values) =>
          editing.open && editing.record?.id !== undefined
            ? update({ id: editing.record.id, salesperson, period: quarter, ...values })
            : Promise.resolve({ ok: true as const, value: null })
        }
      />
    </div>
  );
}
