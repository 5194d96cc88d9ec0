import { interpolate, type Lang } from '../../shared/i18n/messages';
import { useAppStore } from '../state/appStore';
import { en } from './en';
import { zhCN, type UiKey } from './zh-CN';

export type { Lang, UiKey };

const CATALOGS: Record<Lang, Record<UiKey, string>> = { 'zh-CN': zhCN, en };

export function translate(lang: Lang, key: UiKey, params: Record<string, string | number> = {}): string {
  return interpolate(CATALOGS[lang][key], params);
}

/** `t('nav.home')` in the language chosen in settings. */
export function useT(): (key: UiKey, params?: Record<string, string | number>) => string {
  const lang = useAppStore((s) => s.lang);
  return (key, params) => translate(lang, key, params);
}
