/**
 * The page each tab was stopped from opening, recorded from the browser's own navigation events. The
 * warning page asks for its tab's entry; kept in session storage too, so a restarted worker still knows.
 */
export const BLOCKED_TABS_KEY = 'guard/interstitial-blocked';
const MAX_TABS = 500;

export interface SessionLikeArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export class BlockedTabs {
  private readonly byTab = new Map<number, string>();
  private restored: Promise<void> | null = null;
  constructor(private readonly session: SessionLikeArea) {}

  private restore(): Promise<void> {
    this.restored ??= this.session
      .get(BLOCKED_TABS_KEY)
      .then((items) => {
        const stored = items[BLOCKED_TABS_KEY];
        if (typeof stored !== 'object' || stored === null) return;
        for (const [tab, url] of Object.entries(stored)) {
          const tabId = Number(tab);
          if (Number.isInteger(tabId) && typeof url === 'string' && !this.byTab.has(tabId)) this.byTab.set(tabId, url);
        }
      })
      .catch(() => undefined);
    return this.restored;
  }

  private persist(): Promise<void> {
    return this.session.set({ [BLOCKED_TABS_KEY]: Object.fromEntries(this.byTab) }).catch(() => undefined);
  }

  /** Recorded at once (the warning page may ask right away); persisted in the background. */
  set(tabId: number, url: string): Promise<void> {
    this.byTab.delete(tabId);
    this.byTab.set(tabId, url);
    while (this.byTab.size > MAX_TABS) this.byTab.delete(this.byTab.keys().next().value as number);
    return this.restore().then(() => this.persist());
  }

  async get(tabId: number): Promise<string | undefined> {
    await this.restore();
    return this.byTab.get(tabId);
  }

  async clear(tabId: number): Promise<void> {
    await this.restore();
    if (this.byTab.delete(tabId)) await this.persist();
  }
}
