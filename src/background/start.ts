/**
 * Wiring only: builds the services over the browser APIs, connects the router to runtime messages,
 * and registers the browser's event listeners. Decisions live in src/core; handlers in ./handlers.
 */
import type Browser from 'webextension-polyfill';
import { randomId } from '../core/vault/bytes';
import { PRODUCTION_FLOOR, PRODUCTION_KDF } from '../core/vault/kdf';
import { createWebCryptoPort, systemClock, webRandom } from '../adapters/crypto';
import { browserKeyValueStore } from '../adapters/storage';
import type { BackgroundToContent } from '../messaging/protocol';
import { createRouter } from '../messaging/router';
import { classifySender, type ExtensionIdentity } from '../messaging/sender';
import { badgeRefresher } from './badge-refresh';
import { BackupReminder } from './backup-reminder';
import { CLIPBOARD_ALARM, ClipboardClearing } from './clipboard-clear';
import { createClipboardEraser } from './clipboard-eraser';
import { MenuLinkMemory } from './menu-link';
import { InspectedBackups } from './backups';
import { createFrameChainReader } from './frame-chain';
import { createGuardHolder, guardFollowsVault } from './guard-holder';
import { csHandlers, uiHandlers } from './handlers';
import { frontTab } from './front-tab';
import { messagePipeline, settleLockState } from './message-pipeline';
import { PendingDrafts } from './pending';
import { decodeQrImage } from './qr-image';
import { createContentErrorLog, createRefusalLog } from './refusal-log';
import type { Services } from './services';
import { AUTO_LOCK_ALARM, AutoLock } from './session/auto-lock';
import { VaultSession } from './session/vault-session';
import { SecretMemory } from './secret-memory';
import { SettingsStore } from './settings';
import { syncSchedule } from './sync-schedule';
import { checkedCapture } from './tab-capture';
import { TrustedSites } from './trusted-sites';
import { UndoBuffer } from './undo-buffer';
import { registerMenusAndCommands } from './menus';
import { createWarningServices, INTERSTITIAL_PAGES, registerInterstitial } from './interstitial';

/** Built by scripts/build.mjs (one IIFE file, not listed in the manifest: injected on demand). */
export const CONTENT_ENGINE_FILE = 'content/engine.js';

export const EXTENSION_PAGES = ['src/popup/index.html', 'src/options/index.html', ...INTERSTITIAL_PAGES] as const;

export function startBackground(browser: Browser.Browser): void {
  const identity: ExtensionIdentity = { id: browser.runtime.id, baseUrl: browser.runtime.getURL(''), pages: EXTENSION_PAGES };
  const local = browser.storage.local;
  const session = browser.storage.session;
  // Only the extension's own pages and worker may read session storage (it holds the unlocked key).
  void (session as unknown as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> })
    .setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })
    ?.catch(() => undefined);
  const sessionArea = {
    get: (keys: string | string[]) => session.get(keys),
    set: (items: Record<string, unknown>) => session.set(items),
    remove: (key: string) => session.remove(key),
  };
  const crypto = createWebCryptoPort();
  const vault = new VaultSession(
    {
      store: browserKeyValueStore(local),
      crypto,
      random: webRandom,
      clock: systemClock,
      kdf: PRODUCTION_KDF,
      minimum: PRODUCTION_FLOOR,
    },
    sessionArea,
  );
  const newId = () => randomId(webRandom, 12);
  const guard = createGuardHolder();
  const trusted = new TrustedSites(local);
  const settings = new SettingsStore(local);

  const sendToTab = (tabId: number, message: BackgroundToContent, frameId?: number) =>
    browser.tabs.sendMessage(tabId, message, frameId === undefined ? undefined : { frameId }).catch(() => undefined);

  const { one: refreshBadge, all: refreshAllBadges } = badgeRefresher(browser, guard);
  const secrets = new SecretMemory(systemClock.now);
  // Locking wipes every secret the background holds in memory, before any storage call.
  vault.onLock(() => secrets.clear());

  const services: Services = {
    guard,
    clock: systemClock,
    crypto,
    vault,
    settings,
    trusted,
    clipboard: new ClipboardClearing(sessionArea, browser.alarms, systemClock, createClipboardEraser(browser)),
    menuLink: new MenuLinkMemory(sessionArea, systemClock.now),
    warnings: createWarningServices(browser, local, sessionArea, () => randomId(webRandom, 16)),
    backups: new InspectedBackups(secrets),
    backupReminder: new BackupReminder(local),
    autoLock: new AutoLock(sessionArea, browser.alarms, systemClock, () => vault.lock()),
    pending: new PendingDrafts(secrets, newId),
    undo: new UndoBuffer(secrets),
    secrets,
    newId,
    contentErrors: createContentErrorLog(sessionArea, systemClock.now),
    frameChain: createFrameChainReader(browser.webNavigation),
    frontTab: () => frontTab(browser),
    async tabUrl(tabId) {
      try {
        return (await browser.tabs.get(tabId)).url;
      } catch {
        return undefined;
      }
    },
    captureTab: checkedCapture(browser),
    decodeQrImage,
    broadcastPageState() {
      void browser.tabs.query({}).then((tabs) => {
        for (const tab of tabs) if (tab.id !== undefined && /^https?:/.test(tab.url ?? '')) void sendToTab(tab.id, { type: 'bg:recheck' });
      });
      void refreshAllBadges();
    },
    refreshBadge: (tabId, url) => refreshBadge(tabId, url),
    async injectEngine(tabId, frameId) {
      try {
        // injectImmediately: the banner and the code guard should not wait for the page to finish loading.
        await browser.scripting.executeScript({
          target: { tabId, frameIds: [frameId] },
          files: [CONTENT_ENGINE_FILE],
          injectImmediately: true,
        } as Parameters<typeof browser.scripting.executeScript>[0]);
        return true;
      } catch (error) {
        console.warn('[otp-guard] could not inject the content engine', error);
        return false;
      }
    },
    async openPopup() {
      try {
        await browser.action.openPopup();
        return true;
      } catch {
        return false;
      }
    },
  };

  guardFollowsVault(vault, guard);
  const trustedLoaded = trusted.list().then((sites) => guard.setTrustedSites(sites));

  const log = createRefusalLog(sessionArea, systemClock.now);
  const route = createRouter({ ui: uiHandlers(services), cs: csHandlers(services) }, log);

  const onMessage = messagePipeline({
    classify: (sender) => classifySender(sender as Browser.Runtime.MessageSender, identity),
    route,
    autoLock: services.autoLock,
    vault,
    secrets,
    autoLockMinutes: async () => (await settings.get()).autoLockMinutes,
  });
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.Runtime.MessageSender) => onMessage(message, sender));
  // No web page or other extension may talk to OTP Guard; say so in the log if one tries.
  browser.runtime.onMessageExternal?.addListener((message: unknown, sender: Browser.Runtime.MessageSender) => {
    const type = typeof message === 'object' && message && 'type' in message ? String(message.type).slice(0, 64) : undefined;
    log.refused(`external message from ${sender.id ?? sender.url ?? 'unknown'}`, { role: 'refused', ...(type ? { type } : {}) });
    return Promise.resolve({ ok: false, error: { code: 'refused', message: 'Refused.' } });
  });

  // Sync (off by default): the encrypted vault through the browser's own sync storage, merged per entry.
  const syncStore = browserKeyValueStore(browser.storage.sync, { quotaBytes: 102_400 });
  const { schedule: scheduleSync } = syncSchedule({
    isUnlocked: () => vault.unlocked,
    enabled: async () => (await settings.get()).sync,
    sync: () => vault.syncWith(syncStore),
  });
  vault.onChange(scheduleSync);
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'sync') scheduleSync();
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === AUTO_LOCK_ALARM) void services.autoLock.lockIfDue();
    if (alarm.name === CLIPBOARD_ALARM) void services.clipboard.clearIfDue();
  });
  browser.idle?.onStateChanged.addListener((state) => {
    if (state === 'locked') void services.autoLock.fire();
  });
  vault.onChange(() => void refreshAllBadges());
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // The browser clears a tab's badge when it commits a navigation; web pages get theirs again from
    // their top frame's hello (after the commit), so only the URL change needs handling here.
    if (change.url !== undefined) void refreshBadge(tabId, tab.url);
  });

  registerInterstitial(browser, guard, services.warnings, trustedLoaded);
  registerMenusAndCommands(browser, services, async (tabId, message, frameId) => {
    // Notices and fills are the engine's work: make sure it is in that frame first.
    await services.injectEngine(tabId, frameId ?? 0);
    return sendToTab(tabId, message, frameId);
  });
  // Worker start: the same settling as for a message (locked → no secret kept in memory).
  void settleLockState({ autoLock: services.autoLock, vault, secrets });
}

