import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { prefetch } from './api/hooks';
import { StartupGate } from './pages/DamagedDatabasePage';
import { useAppStore } from './state/appStore';
import { todayIso } from './pages/receivables/figures';

function Root() {
  const lang = useAppStore((s) => s.lang);
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider
      locale={lang === 'zh-CN' ? zhCN : enUS}
      theme={{
        token: { colorPrimary: '#1f5fa8', borderRadius: 4, fontFamily: "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif" },
      }}
      // Every dialog taller than the window scrolls its body, so 保存 stays in view (1366×768 laptops).
      modal={{ styles: { body: { maxHeight: 'calc(100vh - 190px)', overflowY: 'auto' } } }}
    >
      <AntApp>
        <StartupGate>
          <App />
        </StartupGate>
      </AntApp>
    </ConfigProvider>
  );
}

// The start's state first: the server answers it at once, and nothing is drawn before it.
prefetch('startup.status', {});
// The quarter's figures take the server longest: ask for them while the page is still starting.
const { page, quarter } = useAppStore.getState();
if (page === 'appraisal' || page === 'home' || page === 'pay') prefetch('appraisal.quarter', { quarter });
// The 考核 page's other query: asked now, it is answered right after the figures, not a round trip later.
if (page === 'appraisal') prefetch('workflow.list', { quarter });
// So do the receivables of a large company (the 应收 page's first query, same arguments).
if (page === 'receivables') prefetch('receivables.report', { asOf: todayIso(), instalments: false, customers: false });

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
}
