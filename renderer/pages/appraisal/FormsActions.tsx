import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space, Upload } from 'antd';
import { useState } from 'react';
import { call } from '../../api/client';
import { useMutation } from '../../api/hooks';
import { useReport } from '../../components/common';
import { useT } from '../../i18n/strings';

function download(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  Object.assign(document.createElement('a'), { href: url, download: fileName }).click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function base64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Export the quarter's 绩效考核表 (one workbook, or one per person) — the window shows its save
 * dialog for each download — and import a form whose self-evaluation was filled in.
 */
export function FormsActions({ quarter }: { quarter: string }) {
  const t = useT();
  const report = useReport();
  const importForm = useMutation('forms.importSelfReview');
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const exportForms = async (perPerson: boolean) => {
    setBusy('export');
    const result = await call('forms.export', { quarter, perPerson });
    setBusy(null);
    if (report(result, t('wf.exported')) && result.ok) for (const f of result.value) download(f.fileName, f.content);
  };
  const importFile = async (file: File) => {
    setBusy('import');
    const result = await importForm({ fileName: file.name, content: await base64(file), quarter });
    setBusy(null);
    report(result, t('wf.imported', { name: file.name }));
  };
  return (
    <Space>
      <Dropdown.Button
        icon={<DownloadOutlined />}
        loading={busy === 'export'}
        onClick={() => void exportForms(false)}
        menu={{ items: [{ key: 'per', label: t('wf.exportPer') }], onClick: () => void exportForms(true) }}
        data-testid="export-forms"
      >
        {t('wf.export')}
      </Dropdown.Button>
      <Upload accept=".xlsx" showUploadList={false} beforeUpload={(file) => (void importFile(file), false)}>
        <Button icon={<UploadOutlined />} loading={busy === 'import'} data-testid="import-form">
          {t('wf.import')}
        </Button>
      </Upload>
    </Space>
  );
}
