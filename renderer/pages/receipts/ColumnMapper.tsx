import { Select, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { ROLES } from '../../../shared/bank/headerWords';
import type { ColumnMapping, StatementSheet as SheetView } from '../../../shared/bank/statementLayout';
import type { Role } from '../../../shared/bank/headerWords';
import { useT, type UiKey } from '../../i18n/strings';

const NONE = '';

/** The mapping the preview starts from: what the reader used, else the first row with anything in it. */
export function initialMapping(sheet: SheetView): ColumnMapping {
  const firstFilled = Math.max(
    sheet.rows.findIndex((row) => row.some((cell) => cell !== '')),
    0,
  );
  const columns: ColumnMapping['columns'] = {};
  for (const role of ROLES) {
    const index = sheet.columns[role]?.[0];
    if (index !== undefined) columns[role] = index;
  }
  return { headerRow: sheet.headerRow ?? firstFilled, columns };
}

/** Whether the mapping names a date and an amount: only then can a row be read at all. */
export function mappingComplete(mapping: ColumnMapping): boolean {
  const has = (roles: Role[]) => roles.some((role) => mapping.columns[role] !== undefined);
  return has(['valueDate', 'tradeDate']) && has(['amount', 'credit', 'debit']);
}

function roleOfColumn(mapping: ColumnMapping, column: number): Role | null {
  return ROLES.find((role) => mapping.columns[role] === column) ?? null;
}

type Props = { sheet: SheetView; mapping: ColumnMapping; onChange: (mapping: ColumnMapping) => void };

/**
 * The file's first rows with a role picker above each column and a header-row chooser (SPEC §10:
 * where no header is recognised, or the user disagrees with a role). A role sits on one column:
 * giving it to another column takes it from the first.
 */
export function ColumnMapper({ sheet, mapping, onChange }: Props) {
  const t = useT();
  const width = Math.max(0, ...sheet.rows.map((row) => row.length));
  const roleOptions = useMemo(
    () => [{ value: NONE, label: t('role.none') }, ...ROLES.map((role) => ({ value: role, label: t(`role.${role}` as UiKey) }))],
    [t],
  );

  const give = (column: number, role: Role | typeof NONE) => {
    const columns = { ...mapping.columns };
    const previous = roleOfColumn(mapping, column);
    if (previous) delete columns[previous];
    if (role !== NONE) columns[role] = column;
    onChange({ ...mapping, columns });
  };

  const rows = sheet.rows
    .map((cells, index) => ({ index, cells }))
    .filter((r) => r.index === mapping.headerRow || (r.index > mapping.headerRow && r.cells.some((c) => c !== '')));
  const headerOptions = sheet.rows.map((cells, index) => ({
    value: index,
    label: t('map.rowOption', {
      row: index + 1,
      text:
        cells
          .filter((c) => c !== '')
          .slice(0, 4)
          .join(' | ')
          .slice(0, 60) || t('map.blankRow'),
    }),
  }));

  return (
    <div data-testid="column-mapper">
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text>{t('map.headerRow')}</Typography.Text>
        <Select
          size="small"
          style={{ width: 420 }}
          value={mapping.headerRow}
          options={headerOptions}
          onChange={(headerRow: number) => onChange({ ...mapping, headerRow })}
          data-testid="header-row"
        />
        <Typography.Text type="secondary">{t('map.help')}</Typography.Text>
      </Space>
      <Table
        size="small"
        bordered
        pagination={false}
        rowKey="index"
        dataSource={rows}
        scroll={{ x: Math.max(width * 150, 600), y: 300 }}
        rowClassName={(r) => (r.index === mapping.headerRow ? 'mapper-header-row' : '')}
        columns={[
          { title: t('imp.row'), dataIndex: 'index', width: 56, fixed: 'left', render: (i: number) => i + 1 },
          ...Array.from({ length: width }, (_, column) => ({
            key: String(column),
            width: 150,
            ellipsis: true,
            title: (
              <Select
                size="small"
                style={{ width: '100%' }}
                value={roleOfColumn(mapping, column) ?? NONE}
                options={roleOptions}
                virtual={false}
                listHeight={420}
                popupMatchSelectWidth={false}
                onChange={(role: Role | typeof NONE) => give(column, role)}
                data-testid={`role-${column}`}
              />
            ),
            render: (_: unknown, r: { index: number; cells: string[] }) => {
              const text = r.cells[column] ?? '';
              return r.index === mapping.headerRow ? <Typography.Text strong>{text}</Typography.Text> : text;
            },
          })),
        ]}
      />
    </div>
  );
}
