import { Alert, Table, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import type { ApiError } from '../../shared/api/errors';
import { errorText } from '../api/errorText';
import { useT } from '../i18n/strings';
import { useAppStore } from '../state/appStore';

type Props<T> = {
  rows: T[];
  total: number;
  loading: boolean;
  loadMore(): void;
  /** Why the last page could not be fetched; shown above the rows. */
  error?: ApiError | null;
  columns: TableColumnsType<T>;
  rowKey: keyof T & string;
  width: number;
  testId?: string;
  /** What an empty list says instead of antd's bare 暂无数据 (e.g. which quarter is shown). */
  empty?: ReactNode;
};

/**
 * A list of any length: rows are virtualised (only those in view are drawn) and the next page
 * is fetched when the user scrolls near the end.
 */
export function LongTable<T extends object>({ rows, total, loading, loadMore, error, columns, rowKey, width, testId, empty }: Props<T>) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  return (
    <div data-testid={testId}>
      {error ? (
        <Alert type="error" showIcon style={{ marginBottom: 8 }} message={errorText(error, lang)} data-testid={testId ? `${testId}-error` : undefined} />
      ) : null}
      <Table<T>
        virtual
        size="small"
        rowKey={rowKey}
        columns={columns}
        dataSource={rows}
        loading={loading && rows.length === 0}
        pagination={false}
        {...(empty === undefined ? {} : { locale: { emptyText: empty } })}
        scroll={{ x: width, y: 'calc(100vh - 300px)' as unknown as number }}
        onScroll={(event) => {
          const target = event.currentTarget;
          if (target.scrollHeight - target.scrollTop - target.clientHeight < 400) loadMore();
        }}
      />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }} data-testid={testId ? `${testId}-count` : undefined}>
        {t('rowsLoaded', { shown: rows.length, total })}
      </Typography.Text>
    </div>
  );
}
