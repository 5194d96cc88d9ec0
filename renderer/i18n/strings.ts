import { useAppStore } from '../state/appStore';
import { en } from './en';
import { zhCN, type UiKey } from './zh-CN';

export type Lang = 'zh-CN' | 'en';
export type { UiKey };

const CATALOGS: Record<Lang, Record<UiKey, string>> = { 'zh-CN': zhCN, en };

export function translate(lang: Lang, key: UiKey, params: Record<string, string | number> = {}): string {
  return CATALOGS[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** `t('nav.home')` in the language chosen in settings. */
export function useT(): (key: UiKey, params?: Record<string, string | number>) => string {
  const lang = useAppStore((s) => s.lang);
  return (key, params) => translate(lang, key, params);
}
