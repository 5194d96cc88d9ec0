import {
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  DashboardOutlined,
  FileExclamationOutlined,
  FileDoneOutlined,
  AimOutlined,
  AccountBookOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { Layout, Menu, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useQuery } from './api/hooks';
import { ErrorBoundary } from './components/ErrorBoundary';
import { QuarterPicker } from './components/QuarterPicker';
import { useT, type UiKey } from './i18n/strings';
import { AppraisalPage } from './pages/AppraisalPage';
import { CustomersPage } from './pages/CustomersPage';
import { DealsPage } from './pages/DealsPage';
import { ErrorsPage } from './pages/ErrorsPage';
import { HomePage } from './pages/HomePage';
import { PayPage } from './pages/PayPage';
import { ReceiptsPage } from './pages/ReceiptsPage';
import { ReceivablesPage } from './pages/ReceivablesPage';
import { SalespeoplePage } from './pages/SalespeoplePage';
import { SettingsPage } from './pages/SettingsPage';
import { TargetsPage } from './pages/TargetsPage';
import { useAppStore, type PageKey } from './state/appStore';

const PAGES: { key: PageKey; icon: ReactNode; render: () => ReactNode }[] = [
  { key: 'home', icon: <DashboardOutlined />, render: () => <HomePage /> },
  { key: 'salespeople', icon: <UserOutlined />, render: () => <SalespeoplePage /> },
  { key: 'customers', icon: <TeamOutlined />, render: () => <CustomersPage /> },
  { key: 'deals', icon: <FileDoneOutlined />, render: () => <DealsPage /> },
  { key: 'receipts', icon: <BankOutlined />, render: () => <ReceiptsPage /> },
  { key: 'receivables', icon: <AccountBookOutlined />, render: () => <ReceivablesPage /> },
  { key: 'errors', icon: <FileExclamationOutlined />, render: () => <ErrorsPage /> },
  { key: 'targets', icon: <AimOutlined />, render: () => <TargetsPage /> },
  { key: 'appraisal', icon: <AuditOutlined />, render: () => <AppraisalPage /> },
  { key: 'pay', icon: <WalletOutlined />, render: () => <PayPage /> },
  { key: 'settings', icon: <SettingOutlined />, render: () => <SettingsPage /> },
];

export function App() {
  const t = useT();
  const page = useAppStore((s) => s.page);
  const setPage = useAppStore((s) => s.setPage);
  const company = useQuery('company.get', {});
  const current = PAGES.find((p) => p.key === page) ?? PAGES[0]!;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* Sticky: the navigation stays in view however long the page scrolls. */}
      <Layout.Sider width={184} theme="light" style={{ borderRight: '1px solid #e8e8e8', position: 'sticky', top: 0, height: '100vh', overflowY: 'auto' }}>
        <div style={{ padding: '18px 16px 12px', display: 'flex', alignItems: 'center', gap: 8 }}>
          <BarChartOutlined style={{ fontSize: 22, color: '#1f5fa8' }} />
          <Typography.Text strong style={{ fontSize: 15 }}>
            TradeKPI
          </Typography.Text>
        </div>
        <Menu
          mode="inline"
          selectedKeys={[page]}
          onClick={({ key }) => setPage(key as PageKey)}
          items={PAGES.map((p) => ({ key: p.key, icon: p.icon, label: <span data-testid={`nav-${p.key}`}>{t(`nav.${p.key}` as UiKey)}</span> }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            borderBottom: '1px solid #e8e8e8',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            padding: '0 24px',
            height: 56,
          }}
        >
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t(`nav.${current.key}` as UiKey)}
            <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal', marginLeft: 16 }}>
              {company.data?.name ?? t('appName')}
            </Typography.Text>
          </Typography.Title>
          <QuarterPicker />
        </Layout.Header>
        <Layout.Content style={{ padding: 20, background: '#f5f6f8' }}>
          <ErrorBoundary resetKey={current.key}>{current.render()}</ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
