/**
 * What the handlers may use. Built once in start.ts from the browser APIs; tests build it over a
 * fake browser. Handlers never reach for `browser.*` themselves.
 */
import type { Clock } from '../core/ports';
import type { GuardHolder } from './guard-holder';

export interface Services {
  guard: GuardHolder;
  clock: Clock;
  /** The tab's URL as the browser has it; undefined when the tab is gone or not readable. */
  tabUrl(tabId: number): Promise<string | undefined>;
}
