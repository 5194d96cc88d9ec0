import { create } from 'zustand';
import { quarterOfDate } from '../../shared/quarter';
import type { Lang } from '../i18n/strings';

export type PageKey = 'home' | 'salespeople' | 'customers' | 'deals' | 'receipts' | 'receivables' | 'errors' | 'targets' | 'appraisal' | 'pay' | 'settings';

type AppState = {
  page: PageKey;
  quarter: string;
  lang: Lang;
  /** Bumped after every successful change: every query on screen fetches again. */
  revision: number;
  setPage(page: PageKey): void;
  setQuarter(quarter: string): void;
  setLang(lang: Lang): void;
  changed(): void;
};

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-01`;
}

const PAGES: PageKey[] = ['home', 'salespeople', 'customers', 'deals', 'receipts', 'receivables', 'errors', 'targets', 'appraisal', 'pay', 'settings'];
const fromHash = (): PageKey => {
  const page = window.location.hash.slice(1) as PageKey;
  return PAGES.includes(page) ? page : 'home';
};

/** UI state only; data from the API lives in the query hooks, never copied here. */
export const useAppStore = create<AppState>((set) => ({
  page: fromHash(),
  quarter: localStorage.getItem('tkpi-quarter') ?? quarterOfDate(today()),
  lang: (localStorage.getItem('tkpi-lang') as Lang | null) ?? 'zh-CN',
  revision: 0,
  setPage: (page) => {
    window.location.hash = page;
    set({ page });
  },
  setQuarter: (quarter) => {
    localStorage.setItem('tkpi-quarter', quarter);
    set({ quarter });
  },
  setLang: (lang) => {
    localStorage.setItem('tkpi-lang', lang);
    set({ lang });
  },
  changed: () => set((s) => ({ revision: s.revision + 1 })),
}));

window.tkpi?.onRefresh(() => useAppStore.getState().changed());
