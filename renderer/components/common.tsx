import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Popconfirm, Space } from 'antd';
import type { ReactNode } from 'react';
import type { Result } from '../../shared/api/errors';
import { errorText } from '../api/errorText';
import { useT } from '../i18n/strings';
import { useAppStore } from '../state/appStore';

/** A page's main card with its title and tools on the right. */
export function PageCard({ title, extra, children }: { title?: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card title={title} extra={extra} styles={{ body: { padding: 16 } }} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

/** Shows the API's error for an action that has no form to show it beside. */
export function useReport(): (result: Result<unknown>, success?: string) => boolean {
  const { message } = AntApp.useApp();
  const lang = useAppStore((s) => s.lang);
  return (result, success) => {
    if (result.ok) {
      if (success) void message.success(success);
      return true;
    }
    void message.error(errorText(result.error, lang));
    return false;
  };
}

/** Edit and delete buttons of a table row; delete asks first. */
export function RowActions({ onEdit, onDelete }: { onEdit?: () => void; onDelete?: () => Promise<Result<unknown>> }) {
  const t = useT();
  const report = useReport();
  return (
    <Space size={4}>
      {onEdit && <Button size="small" type="text" icon={<EditOutlined />} onClick={onEdit} title={t('edit')} />}
      {onDelete && (
        <Popconfirm
          title={t('confirmDelete')}
          okText={t('delete')}
          cancelText={t('cancel')}
          onConfirm={async () => void report(await onDelete(), t('deleted'))}
        >
          <Button size="small" type="text" danger icon={<DeleteOutlined />} title={t('delete')} />
        </Popconfirm>
      )}
    </Space>
  );
}

/** State of a record dialog: closed, adding, or editing a record. */
export type Editing<T> = { open: false } | { open: true; record: Partial<T> | null };
