/** User settings: non-secret, in storage.local, validated on every read so a bad value falls back. */
import type { Settings } from '../messaging/protocol';

export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = {
  autoLockMinutes: 15,
  autoFill: true,
  autoSubmit: false,
  backupReminder: true,
  sync: false,
  clipboardClearSeconds: 30,
};

export interface LocalArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

function sanitize(stored: unknown): Settings {
  const value = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<Record<keyof Settings, unknown>>;
  const bool = (key: 'autoFill' | 'autoSubmit' | 'backupReminder' | 'sync') =>
    typeof value[key] === 'boolean' ? (value[key] as boolean) : DEFAULT_SETTINGS[key];
  const minutes = value.autoLockMinutes;
  const clear = value.clipboardClearSeconds;
  return {
    autoLockMinutes:
      typeof minutes === 'number' && Number.isFinite(minutes) && minutes > 0 && minutes <= 24 * 60
        ? minutes
        : DEFAULT_SETTINGS.autoLockMinutes,
    autoFill: bool('autoFill'),
    autoSubmit: bool('autoSubmit'),
    backupReminder: bool('backupReminder'),
    sync: bool('sync'),
    clipboardClearSeconds:
      clear === 0 || (typeof clear === 'number' && Number.isInteger(clear) && clear >= 5 && clear <= 600)
        ? clear
        : DEFAULT_SETTINGS.clipboardClearSeconds,
  };
}

export class SettingsStore {
  private cached: Settings | null = null;
  constructor(private readonly local: LocalArea) {}

  async get(): Promise<Settings> {
    this.cached ??= sanitize((await this.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
    return this.cached;
  }

  async update(patch: Partial<Settings>): Promise<Settings> {
    const next = sanitize({ ...(await this.get()), ...patch });
    await this.local.set({ [SETTINGS_KEY]: next });
    this.cached = next;
    return next;
  }
}
