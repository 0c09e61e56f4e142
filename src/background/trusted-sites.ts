/** The user's "this site is fine" list: registrable domains, non-secret, in storage.local. */
import type { LocalArea } from './settings';

export const TRUSTED_SITES_KEY = 'guard/trusted-sites';

export class TrustedSites {
  private cached: string[] | null = null;
  constructor(private readonly local: LocalArea) {}

  async list(): Promise<string[]> {
    if (!this.cached) {
      const stored = (await this.local.get(TRUSTED_SITES_KEY))[TRUSTED_SITES_KEY];
      this.cached = Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string') : [];
    }
    return this.cached;
  }

  async add(registrableDomain: string): Promise<string[]> {
    const next = [...new Set([...(await this.list()), registrableDomain])].sort();
    await this.local.set({ [TRUSTED_SITES_KEY]: next });
    this.cached = next;
    return next;
  }
}
