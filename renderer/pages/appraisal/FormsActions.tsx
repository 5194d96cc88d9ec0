import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space, Upload } from 'antd';
import { useState } from 'react';
import { downloadFile, fileToBase64 } from '../../api/files';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
import { useAction, useMutation } from '../../api/hooks';
import { useReport } from '../../components/common';
import { useT } from '../../i18n/strings';

/**
 * Export the quarter's 绩效考核表 (one workbook, or one per person) — the window shows its save
 * dialog for each download — and import a form whose self-evaluation was filled in.
 */
export function FormsActions({ quarter }: { quarter: string }) {
  const t = useT();
  const report = useReport();
  const importForm = useMutation('forms.importSelfReview');
  const exportFormsCall = useAction('forms.export');
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const exportForms = async (perPerson: boolean) => {
    setBusy('export');
    const result = await exportFormsCall({ quarter, perPerson });
    setBusy(null);
    if (report(result, t('wf.exported')) && result.ok)
      for (const f of result.value)
        downloadFile(
          f.fileName,
          Uint8Array.from(atob(f.content), (c) => c.charCodeAt(0)),
          XLSX_TYPE,
        );
  };
  const importFile = async (file: File) => {
    setBusy('import');
    const result = await importForm({ fileName: file.name, content: await fileToBase64(file), quarter });
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
