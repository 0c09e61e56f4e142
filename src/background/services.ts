/**
 * What the handlers may use. Built once in start.ts from the browser APIs; tests build it over a
 * fake browser. Handlers never reach for `browser.*` themselves.
 */
import type { Clock, CryptoPort } from '../core/ports';
import type { BackupReminder } from './backup-reminder';
import type { ClipboardClearing } from './clipboard-clear';
import type { MenuLinkMemory } from './menu-link';
import type { FrameChainReader } from './frame-chain';
import type { InspectedBackups } from './backups';
import type { FrontTab } from './front-tab';
import type { GuardHolder } from './guard-holder';
import type { PendingDrafts } from './pending';
import type { ContentErrorLog } from './refusal-log';
import type { SecretMemory } from './secret-memory';
import type { AutoLock } from './session/auto-lock';
import type { VaultSession } from './session/vault-session';
import type { SettingsStore } from './settings';
import type { TrustedSites } from './trusted-sites';
import type { WarningServices } from './warnings';
import type { UndoBuffer } from './undo-buffer';

export interface Services {
  guard: GuardHolder;
  clock: Clock;
  crypto: CryptoPort;
  vault: VaultSession;
  settings: SettingsStore;
  autoLock: AutoLock;
  pending: PendingDrafts;
  trusted: TrustedSites;
  /** Clears a copied code from the clipboard after the time in the settings (clipboard-clear.ts). */
  clipboard: ClipboardClearing;
  /** The link of the last right-click "Check this link". */
  menuLink: MenuLinkMemory;
  /** The interstitial and the held-code confirmation (src/background/interstitial.ts). */
  warnings: WarningServices;
  backups: InspectedBackups;
  backupReminder: BackupReminder;
  /** Deleted accounts kept for "Undo" for a minute, in memory only. */
  undo: UndoBuffer;
  /** Holds the drafts, inspected backups and undo items above; cleared whenever the vault locks. */
  secrets: SecretMemory;
  /** Where content scripts' errors are kept (they failed closed in the page). */
  contentErrors: ContentErrorLog;
  newId(): string;
  /** A frame's chain from its tab's top page down to it, from the browser's frame tree (webNavigation). */
  frameChain: FrameChainReader;
  /** The tab in front of the user (see front-tab.ts); undefined when the browser cannot say. */
  frontTab(): Promise<FrontTab | undefined>;
  /** The tab's URL as the browser has it; undefined when the tab is gone or not readable. */
  tabUrl(tabId: number): Promise<string | undefined>;
  /** A PNG data URL of the visible part of the tab (needs the user's click: activeTab). */
  captureTab(tabId: number): Promise<string>;
  /** Every QR code's text found in an image (data URL). */
  decodeQrImage(dataUrl: string): Promise<string[]>;
  /** Tells the content scripts of every tab that their page state may have changed. */
  broadcastPageState(): void;
  openPopup(): Promise<boolean>;
  /** Sets the toolbar badge of a tab from its URL's verdict. */
  refreshBadge(tabId: number, url: string | undefined): Promise<void>;
  /** Injects the content engine (finder, filler, warnings) into one frame; a no-op when it is there. */
  injectEngine(tabId: number, frameId: number): Promise<boolean>;
}
