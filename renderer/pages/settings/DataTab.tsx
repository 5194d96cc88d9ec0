import { CloudDownloadOutlined, CloudUploadOutlined, HistoryOutlined, SaveOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Divider, Popconfirm, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { BackupInfo } from '../../../shared/api/contract';
import { downloadFile } from '../../api/files';
import { useAction, useMutation, useQuery } from '../../api/hooks';
import { useReport } from '../../components/common';
import { useT } from '../../i18n/strings';
import { ColumnMappingsList } from './ColumnMappingsList';

/** Backups (made at start when the data changed; last ten and one a month for a year kept) and whole-bundle import and export. */
export function DataTab() {
  const t = useT();
  const backups = useQuery('backups.list', {});
  const backup = useMutation('backups.create');
  const restore = useMutation('backups.restore');
  const load = useMutation('bundle.load');
  const report = useReport();
  const { modal, message } = AntApp.useApp();
  const [busy, setBusy] = useState<string | null>(null);

  const importFile = async (file: File) => {
    let bundle: unknown;
    try {
      bundle = JSON.parse((await file.text()).replace(/^\uFEFF/, ''));
    } catch {
      void message.error(t('set.notJson', { file: file.name }));
      return;
    }
    modal.confirm({
      title: t('set.import'),
      content: t('set.importConfirm'),
      okText: t('set.import'),
      cancelText: t('cancel'),
      onOk: async () => {
        setBusy(t('set.importing'));
        await backup({});
        const result = await load({ bundle, source: file.name });
        setBusy(null);
        if (result.ok) report(result, t('set.imported', result.value));
        else report(result);
      },
    });
  };

  const dump = useAction('bundle.dump');
  const exportFile = async () => {
    setBusy(t('set.exporting'));
    const result = await dump({});
    setBusy(null);
    if (!report(result) || !result.ok) return;
    downloadFile(`tradekpi-${new Date().toISOString().slice(0, 10)}.json`, JSON.stringify(result.value, null, 2), 'application/json');
  };

  return (
    <>
      <Typography.Title level={5}>{t('set.bundle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('set.bundleHelp')}</Typography.Paragraph>
      <Space>
        <Upload accept=".json,application/json" showUploadList={false} beforeUpload={(file) => (void importFile(file), false)}>
          <Button icon={<CloudUploadOutlined />} loading={busy === t('set.importing')} data-testid="import-bundle">
            {t('set.import')}
          </Button>
        </Upload>
        <Button icon={<CloudDownloadOutlined />} onClick={() => void exportFile()} loading={busy === t('set.exporting')}>
          {t('set.export')}
        </Button>
        {busy && <Typography.Text type="secondary">{busy}</Typography.Text>}
      </Space>
      <Divider />
      <Typography.Title level={5}>{t('set.backup')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('set.backupHelp')}</Typography.Paragraph>
      <Button icon={<SaveOutlined />} onClick={async () => report(await backup({}), t('saved'))} style={{ marginBottom: 12 }}>
        {t('set.backupNow')}
      </Button>
      <Table<BackupInfo>
        rowKey="name"
        size="small"
        pagination={false}
        dataSource={backups.data ?? []}
        style={{ maxWidth: 720 }}
        columns={[
          { title: t('set.backupName'), dataIndex: 'name' },
          { title: t('set.backupTime'), dataIndex: 'createdAt', render: (v: string) => new Date(v).toLocaleString() },
          { title: t('set.backupSize'), dataIndex: 'size', align: 'right', render: (v: number) => `${(v / 1024).toFixed(0)} KB` },
          {
            title: t('actions'),
            render: (_, b) => (
              <Popconfirm title={t('set.restoreConfirm')} onConfirm={async () => report(await restore({ name: b.name }), t('set.restored'))}>
                <Button size="small" icon={<HistoryOutlined />}>
                  {t('set.restore')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Divider />
      <ColumnMappingsList />
    </>
  );
}
