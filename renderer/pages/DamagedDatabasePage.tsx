import { Alert, Button, Card, Result, Select, Space, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { StartupStatus } from '../../shared/api/contract';
import { errorText } from '../api/errorText';
import { callOnce, useMutation } from '../api/hooks';
import { useT } from '../i18n/strings';
import { useAppStore } from '../state/appStore';

/**
 * Shown instead of the app when the data file was found damaged or emptied at start: what
 * happened, and the newest good backup to put back (any other backup can be chosen).
 */
export function DamagedDatabasePage({ status, onRestored }: { status: StartupStatus; onRestored: () => void }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const [name, setName] = useState<string | null>(status.newestGood);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const restoreBackup = useMutation('startup.restore');
  const restore = async () => {
    if (!name) return;
    setBusy(true);
    const result = await restoreBackup({ name });
    setBusy(false);
    if (result.ok) onRestored();
    else setError(errorText(result.error, lang));
  };
  return (
    <div style={{ minHeight: '100vh', background: '#f5f6f8', padding: 48 }} data-testid="damaged-database">
      <Card style={{ maxWidth: 760, margin: '0 auto' }}>
        <Result
          status="warning"
          title={t('damaged.title')}
          subTitle={status.damage?.message}
          extra={
            <Space direction="vertical" style={{ width: '100%', textAlign: 'left' }}>
              <Typography.Paragraph>{t('damaged.explain')}</Typography.Paragraph>
              {status.newestGood ? (
                <>
                  <Typography.Text strong>{t('damaged.newestGood', { name: status.newestGood })}</Typography.Text>
                  <Select
                    style={{ width: '100%' }}
                    value={name ?? undefined}
                    onChange={setName}
                    options={status.backups.map((b) => ({
                      value: b.name,
                      label: `${b.name}（${new Date(b.createdAt).toLocaleString()}，${(b.size / 1024 / 1024).toFixed(1)} MB）`,
                    }))}
                  />
                  <Button type="primary" loading={busy} disabled={!name} onClick={() => void restore()} data-testid="restore-newest">
                    {t('damaged.restore')}
                  </Button>
                </>
              ) : (
                <Alert type="error" showIcon message={t('damaged.noBackup')} />
              )}
              {error && <Alert type="error" showIcon message={error} />}
            </Space>
          }
        />
      </Card>
    </div>
  );
}

/** Asks the start's state once; the app is drawn only when the data file opened soundly. */
export function StartupGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<StartupStatus | null>(null);
  const [checked, setChecked] = useState(false);
  useEffect(() => {
    // Asked for by main.tsx before React started (prefetch), ahead of the page's slower queries.
    void callOnce('startup.status', {}).then((result) => {
      setStatus(result.ok ? result.value : null);
      setChecked(true);
    });
  }, []);
  if (!checked) return null;
  if (status?.damage) return <DamagedDatabasePage status={status} onRestored={() => window.location.reload()} />;
  return <>{children}</>;
}
