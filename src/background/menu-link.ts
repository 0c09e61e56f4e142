/**
 * The link of the last right-click "Check this link": kept in storage.session (memory only) for the window that
 * shows its verdict, so a worker stopped in between loses nothing. A page never names it: the browser's own
 * contextMenus click data does.
 */
import type { SessionArea } from './session/vault-session';

export const MENU_LINK_KEY = 'menus/last-link';
/** Older than this, the window is not the one the click opened (a reload much later): nothing to show. */
const MAX_AGE_MS = 10 * 60_000;

export class MenuLinkMemory {
  constructor(
    private readonly session: SessionArea,
    private readonly now: () => number,
  ) {}

  async remember(url: string): Promise<void> {
    await this.session.set({ [MENU_LINK_KEY]: { url: url.slice(0, 4096), at: this.now() } });
  }

  async last(): Promise<string | undefined> {
    const stored = (await this.session.get(MENU_LINK_KEY))[MENU_LINK_KEY] as { url?: unknown; at?: unknown } | undefined;
    if (typeof stored?.url !== 'string' || typeof stored.at !== 'number') return undefined;
    return this.now() - stored.at <= MAX_AGE_MS ? stored.url : undefined;
  }
}
