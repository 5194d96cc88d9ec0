import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export type { MessageKey };
export type Lang = 'zh-CN' | 'en';
export type MessageParams = Record<string, string | number>;

const CATALOGS: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** The message for `key` with `{name}` placeholders filled in. */
export function message(key: MessageKey, params: MessageParams = {}, lang: Lang = 'zh-CN'): string {
  return CATALOGS[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
