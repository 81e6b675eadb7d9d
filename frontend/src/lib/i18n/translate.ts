// Pure message lookup and `{param}` interpolation, independent of React.
import type { Lang } from "../ipc";
import { en } from "./en";
import { zhCN, type MessageKey } from "./zh-CN";

export type { MessageKey };
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const dictionaries: Record<Lang, Record<MessageKey, string>> = {
  "zh-CN": zhCN,
  en,
};

/** Replaces `{name}` placeholders; unknown placeholders are left visible so they get noticed. */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function translator(lang: Lang): Translate {
  const dict = dictionaries[lang];
  return (key, params) => interpolate(dict[key], params);
}
