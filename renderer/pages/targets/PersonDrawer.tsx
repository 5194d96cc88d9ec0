import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Divider, Drawer, Input, Select, Space, Table, Typography } from 'antd';
import type { Salesperson } from '../../../shared/domain';
import { useT } from '../../i18n/strings';
import type { CustomDraft } from '../targetRows';
import { AdjustmentList } from './AdjustmentList';

type Props = {
  person: Salesperson | null;
  quarter: string;
  customs: CustomDraft[];
  /** Σ weights of the whole sheet with these custom indicators. */
  sum: string;
  problem: string | null;
  /** The person's quarter is approved: the custom indicators are shown, not edited. */
  frozen: boolean;
  onChange(customs: CustomDraft[]): void;
  onSave(): void;
  onClose(): void;
};

const blank = (): CustomDraft => ({ name: '', direction: 'higher', target: '', actual: '', weight: '' });

/** One person's 加扣分 and custom indicators (自定义指标) of the quarter, beside the target grid. */
export function PersonDrawer({ person, quarter, customs, sum, problem, frozen, onChange, onSave, onClose }: Props) {
  const t = useT();
  const edit = (index: number, part: keyof CustomDraft, value: string) => onChange(customs.map((c, i) => (i === index ? { ...c, [part]: value } : c)));
  const cell = (index: number, part: 'name' | 'target' | 'actual' | 'weight', width: number) => (
    <Input
      size="small"
      value={customs[index]?.[part] ?? ''}
      onChange={(e) => edit(index, part, e.target.value)}
      disabled={frozen}
      style={{ width, textAlign: part === 'name' ? 'left' : 'right' }}
      data-testid={`custom-${index}-${part}`}
    />
  );
  return (
    <Drawer open={person !== null} onClose={onClose} width={720} title={person ? t('adj.title', { name: person.name, quarter }) : ''} destroyOnHidden>
      {person && (
        <>
          <Typography.Title level={5}>{t('adj.section')}</Typography.Title>
          <AdjustmentList salesperson={person.id} quarter={quarter} frozen={frozen} />
          <Divider />
          <Typography.Title level={5}>{t('cust.section')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('cust.help')}</Typography.Paragraph>
          <Table<CustomDraft & { index: number }>
            rowKey="index"
            size="small"
            pagination={false}
            dataSource={customs.map((c, index) => ({ ...c, index }))}
            locale={{ emptyText: '—' }}
            columns={[
              { title: t('cust.name'), render: (_, c) => cell(c.index, 'name', 150) },
              {
                title: t('cust.direction'),
                width: 120,
                render: (_, c) => (
                  <Select
                    size="small"
                    value={c.direction}
                    onChange={(v: string) => edit(c.index, 'direction', v)}
                    disabled={frozen}
                    style={{ width: 110 }}
                    options={[
                      { value: 'higher', label: t('cust.higher') },
                      { value: 'lower', label: t('cust.lower') },
                    ]}
                  />
                ),
              },
              { title: t('cust.target'), render: (_, c) => cell(c.index, 'target', 100) },
              { title: t('cust.actual'), render: (_, c) => cell(c.index, 'actual', 100) },
              { title: t('cust.weight'), render: (_, c) => cell(c.index, 'weight', 64) },
              {
                title: '',
                width: 40,
                render: (_, c) => (
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    disabled={frozen}
                    onClick={() => onChange(customs.filter((_, i) => i !== c.index))}
                  />
                ),
              },
            ]}
          />
          {frozen && <Alert type="info" showIcon message={t('tg.frozenHelp')} style={{ marginTop: 10 }} data-testid="custom-frozen" />}
          <Space style={{ marginTop: 10, display: frozen ? 'none' : undefined }} wrap>
            <Button icon={<PlusOutlined />} onClick={() => onChange([...customs, blank()])} data-testid="custom-add">
              {t('cust.add')}
            </Button>
            <Button type="primary" icon={<SaveOutlined />} onClick={onSave} data-testid="custom-save">
              {t('cust.save')}
            </Button>
            <Typography.Text type={problem ? 'danger' : 'secondary'} data-testid="custom-sum">
              {t('cust.sum', { sum })}
            </Typography.Text>
          </Space>
          {problem && <Alert type="warning" showIcon message={problem} style={{ marginTop: 10 }} />}
        </>
      )}
    </Drawer>
  );
}
