import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export type { MessageKey };
/** The languages of every catalogue: the services' messages and the screens' strings alike. */
export type Lang = 'zh-CN' | 'en';
export type MessageParams = Record<string, string | number>;

const CATALOGS: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };
const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * `template` with its `{name}` placeholders filled from `params`: the one interpolation of the
 * app. A parameter that did not come is left empty, so a raw `{detail}` never reaches a screen.
 */
export function interpolate(template: string, params: MessageParams = {}): string {
  return template.replace(PLACEHOLDER, (_, name: string) => (params[name] === undefined ? '' : String(params[name])));
}

/** The message for `key` with `{name}` placeholders filled in. */
export function message(key: MessageKey, params: MessageParams = {}, lang: Lang = 'zh-CN'): string {
  return interpolate(CATALOGS[lang][key], params);
}

/** The placeholders of `key`'s message that `params` leaves unfilled. */
export function missingParams(key: MessageKey, params: MessageParams = {}): string[] {
  return [...CATALOGS['zh-CN'][key].matchAll(PLACEHOLDER)].map((m) => m[1] as string).filter((name) => params[name] === undefined);
}
