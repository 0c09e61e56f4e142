/**
 * The user's "this site is fine" list: registrable domains, non-secret, in storage.local. The list itself keeps its
 * old shape (an array of domains, what older versions read); when and why each was trusted is kept beside it.
 */
import type { TrustedSiteEntry } from '../messaging/protocol-store';
import type { LocalArea } from './settings';

export const TRUSTED_SITES_KEY = 'guard/trusted-sites';
export const TRUSTED_NOTES_KEY = 'guard/trusted-site-notes';

export interface TrustNote {
  at: number;
  reason: 'lookalike' | 'unknown';
  imitated?: string;
}

type Notes = Record<string, TrustNote>;

function readNotes(stored: unknown): Notes {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  const notes: Notes = {};
  for (const [site, note] of Object.entries(stored as Record<string, unknown>)) {
    const candidate = note as Partial<TrustNote> | null;
    if (typeof candidate?.at !== 'number' || (candidate.reason !== 'lookalike' && candidate.reason !== 'unknown')) continue;
    notes[site] = {
      at: candidate.at,
      reason: candidate.reason,
      ...(typeof candidate.imitated === 'string' ? { imitated: candidate.imitated } : {}),
    };
  }
  return notes;
}

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

  async add(registrableDomain: string, note?: TrustNote): Promise<string[]> {
    const next = [...new Set([...(await this.list()), registrableDomain])].sort();
    const notes = await this.notes();
    if (note) notes[registrableDomain] = note;
    await this.local.set({ [TRUSTED_SITES_KEY]: next, [TRUSTED_NOTES_KEY]: notes });
    this.cached = next;
    return next;
  }

  /** Undo a trust: the site is judged like any other again. Removing a site that is not there changes nothing. */
  async remove(registrableDomain: string): Promise<string[]> {
    const next = (await this.list()).filter((site) => site !== registrableDomain);
    const notes = await this.notes();
    delete notes[registrableDomain];
    await this.local.set({ [TRUSTED_SITES_KEY]: next, [TRUSTED_NOTES_KEY]: notes });
    this.cached = next;
    return next;
  }

  /** Every trusted site with when and why; `toUnicode` gives the readable form of an IDN. */
  async entries(toUnicode: (site: string) => string): Promise<TrustedSiteEntry[]> {
    const notes = await this.notes();
    return (await this.list()).map((site) => {
      const note = notes[site];
      return {
        site,
        unicodeSite: toUnicode(site),
        reason: note?.reason ?? 'earlier',
        ...(note ? { trustedAt: note.at } : {}),
        ...(note?.imitated ? { imitated: note.imitated } : {}),
      };
    });
  }

  private async notes(): Promise<Notes> {
    return readNotes((await this.local.get(TRUSTED_NOTES_KEY))[TRUSTED_NOTES_KEY]);
  }
}
