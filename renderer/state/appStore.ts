import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { quarterOfDate } from '../../shared/quarter';
import type { Lang } from '../../shared/i18n/messages';

export type PageKey = 'home' | 'salespeople' | 'customers' | 'deals' | 'receipts' | 'receivables' | 'errors' | 'targets' | 'appraisal' | 'pay' | 'settings';

/** A month and currency to fill in on the 汇率表 (from a missing-rate warning). */
export type FxRequest = { month: string; currency: string };

type AppState = {
  page: PageKey;
  quarter: string;
  lang: Lang;
  /** Lists show salespeople who left (离职), greyed. */
  showLeft: boolean;
  /** The first-run checklist on 首页 was closed by hand. */
  guideDismissed: boolean;
  /** The settings tab to open, and the FX rates to ask for there. */
  settingsTab: string | null;
  fxRequest: FxRequest | null;
  /** The 应收 page's as-of date while the app runs (null: today); kept when leaving the page. */
  receivablesAsOf: string | null;
  setReceivablesAsOf(asOf: string): void;
  /** Bumped after every successful change: every query on screen fetches again. */
  revision: number;
  setPage(page: PageKey): void;
  setQuarter(quarter: string): void;
  setLang(lang: Lang): void;
  setShowLeft(show: boolean): void;
  dismissGuide(): void;
  openSettings(tab: string, fxRequest?: FxRequest): void;
  clearFxRequest(): void;
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

/**
 * UI state only; data from the API lives in the query hooks, never copied here. The quarter,
 * language and list choices survive a restart (persisted to localStorage as `tkpi-ui`); the
 * older single keys are still read once, so a choice made before is not lost.
 */
export const useAppStore = create<AppState>()(
  persist(
    (set) => ({
      page: fromHash(),
      quarter: localStorage.getItem('tkpi-quarter') ?? quarterOfDate(today()),
      lang: (localStorage.getItem('tkpi-lang') as Lang | null) ?? 'zh-CN',
      showLeft: true,
      guideDismissed: false,
      settingsTab: null,
      fxRequest: null,
      receivablesAsOf: null,
      setReceivablesAsOf: (receivablesAsOf) => set({ receivablesAsOf }),
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
      setShowLeft: (showLeft) => set({ showLeft }),
      dismissGuide: () => set({ guideDismissed: true }),
      openSettings: (tab, fxRequest) => {
        window.location.hash = 'settings';
        set({ page: 'settings', settingsTab: tab, fxRequest: fxRequest ?? null });
      },
      clearFxRequest: () => set({ fxRequest: null }),
      changed: () => set((s) => ({ revision: s.revision + 1 })),
    }),
    {
      name: 'tkpi-ui',
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ quarter: s.quarter, lang: s.lang, showLeft: s.showLeft, guideDismissed: s.guideDismissed }),
    },
  ),
);

window.tkpi?.onRefresh(() => useAppStore.getState().changed());
