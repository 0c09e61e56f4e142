/**
 * Sites where the user chose "Continue anyway" on the warning page: registrable domains, non-secret, in
 * storage.local. Only the warning page is skipped there; the banner, the badge and the code guard stay.
 */
import type { LocalArea } from '../settings';

export const PASSED_SITES_KEY = 'guard/interstitial-passed';
/** A page cannot grow this list (only the user's click on an extension page does), but keep it bounded. */
const MAX_SITES = 1000;

export interface RemovableArea extends LocalArea {
  remove?(key: string): Promise<void>;
}

export class PassedSites {
  private cached: Set<string> | null = null;
  /** The read in flight: a navigation that races the worker's start waits for the preload, not a second read. */
  private loading: Promise<Set<string>> | null = null;
  constructor(private readonly local: LocalArea) {}

  private load(): Promise<Set<string>> {
    if (this.cached) return Promise.resolve(this.cached);
    this.loading ??= this.local
      .get(PASSED_SITES_KEY)
      .then((items) => {
        const stored = items[PASSED_SITES_KEY];
        const list = Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string') : [];
        this.cached ??= new Set(list);
        return this.cached;
      })
      .finally(() => {
        this.loading = null; // a failed read is tried again next time
      });
    return this.loading;
  }

  async has(registrableDomain: string): Promise<boolean> {
    return (await this.load()).has(registrableDomain);
  }

  /** Without waiting, once loaded (the navigation listener races the page); undefined before. */
  hasNow(registrableDomain: string): boolean | undefined {
    return this.cached?.has(registrableDomain);
  }

  /** Reads the list ahead of the first navigation. */
  preload(): void {
    void this.load().catch(() => undefined);
  }

  async add(registrableDomain: string): Promise<void> {
    const next = new Set(await this.load());
    next.delete(registrableDomain);
    next.add(registrableDomain);
    const list = [...next].slice(-MAX_SITES);
    await this.local.set({ [PASSED_SITES_KEY]: list });
    this.cached = new Set(list);
  }

  async remove(registrableDomain: string): Promise<boolean> {
    const current = await this.load();
    if (!current.has(registrableDomain)) return false;
    const list = [...current].filter((site) => site !== registrableDomain);
    await this.local.set({ [PASSED_SITES_KEY]: list });
    this.cached = new Set(list);
    return true;
  }
}
