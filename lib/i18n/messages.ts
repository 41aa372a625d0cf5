import type { Locale } from "./config";
import en from "./messages/en.json";
import zhCN from "./messages/zh-CN.json";

export type Messages = typeof zhCN;

// English must have every key Chinese has: checked by the type below and by a unit test.
export const MESSAGES: Record<Locale, Messages> = { "zh-CN": zhCN, en };
