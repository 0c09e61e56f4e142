/**
 * One scenario definition, two drivers: the small surface every shared real-browser scenario
 * (tests/e2e/scenarios) uses, implemented for Chromium over playwright-core (chromium-driver.ts, on top of
 * browser.ts) and for Firefox over puppeteer-core / WebDriver BiDi (firefox.ts).
 * Which one runs is chosen by OTP_GUARD_E2E_BROWSER (chromium, the default, or firefox; FIREFOX_PATH picks the ESR).
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { FixtureServer } from './server';

export type Engine = 'chromium' | 'firefox';

/** A tab (web page or extension page) as the scenarios see it. */
export interface DriverPage {
  url(): string;
  /** Runs `fn` in the page's main world (for an extension page: with the extension's APIs). */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Like evaluate, in the page's first frame whose URL starts with `urlPrefix`. */
  evaluateInFrame<R, A = undefined>(urlPrefix: string, fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** The URLs of the page's frames, nested ones included (the top document first). */
  frameUrls(): string[];
  /** A real (trusted) mouse click at viewport coordinates. */
  clickAt(x: number, y: number): Promise<void>;
  /** Real key events for each character of `text`, to whatever has focus. */
  typeKeys(text: string, delayMs?: number): Promise<void>;
  /** A real key press (e.g. 'Enter', 'Control+V'), to whatever has focus. */
  pressKey(key: string): Promise<void>;
  /**
   * Starts a navigation of this tab to `url` and does not wait for it: the background may replace it with
   * OTP Guard's warning page. Resolves once the navigation was sent (errors are swallowed).
   */
  navigate(url: string): Promise<void>;
  /** Where the tab is now, as the document itself says (falls back to the driver's idea while it loads). */
  location(): Promise<string>;
  /** The viewport's size in CSS pixels. */
  viewport(): Promise<{ width: number; height: number }>;
  bringToFront(): Promise<void>;
  isClosed(): boolean;
  /** Gives a file input files as the user's file chooser would (no chooser opens). */
  setFiles(selector: string, files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void>;
  close(): Promise<void>;
}

export interface Driver {
  engine: Engine;
  /** e.g. "Chromium" or "Firefox 140.12.0esr" (for test names and reports). */
  label: string;
  server: FixtureServer;
  /** Opens `url` in a new tab and waits for its load. */
  openAt(url: string): Promise<DriverPage>;
  /** Opens a new, empty tab (about:blank), e.g. to navigate it while typing. */
  newTab(): Promise<DriverPage>;
  /**
   * Starts waiting for the next tab or window the browser opens whose URL satisfies `matches` (checked
   * until it does: a new window may show about:blank first). Call before the action that opens it.
   */
  nextPage(matches: (url: string) => boolean, timeoutMs?: number): Promise<DriverPage>;
  /** The extension's own URL for a path inside the build (chrome-extension:// or moz-extension://). */
  extensionUrl(path: string): string;
  /**
   * Keeps the background's thread busy for `ms` (Chromium: the service worker; Firefox: the extension
   * process's thread, which its event page shares with our other extension pages): no verdict can reach a page.
   */
  busyBackground(ms: number): Promise<void>;
  /** Puts `text` on the system clipboard from another (legit) page, as a message app would. */
  writeClipboard(text: string): Promise<void>;
  /** Techniques only one browser's automation can express (the scenario is skipped elsewhere, with the reason). */
  imeCompose?(page: DriverPage, steps: string[], commit: string): Promise<void>;
  dropText?(page: DriverPage, at: { x: number; y: number }, text: string): Promise<void>;
  /** Opens an extension page (path inside the build, e.g. src/options/index.html#import) in a new tab. */
  openExtensionPage(path: string): Promise<DriverPage>;
  /**
   * The popup page standing for `page`'s tab (?tab=ID), in a tab of its own, or (`inWindow`) in a window of its
   * own so that `page` stays the visible tab of its window (as with the real popup, e.g. for captures).
   */
  openPopupFor(page: DriverPage | null, options?: { inWindow?: boolean }): Promise<DriverPage>;
  /**
   * Clicks OTP Guard's toolbar button for `page`'s tab as a user does: the tab gets the activeTab grant.
   * Chromium: CDP Extensions.triggerAction. Firefox: a privileged call that ESR 153 allows and ESR 140 does not
   * (see toolbarClickSupported).
   */
  clickToolbarButton(page: DriverPage): Promise<void>;
  /** Runs `fn` in an extension page kept open for the test (storage, tabs, badge…). */
  inExtension<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** The browser's own id for `page`'s tab. */
  tabIdOf(page: DriverPage): Promise<number>;
  /**
   * Stops the background as the browser does when idle and returns once it was seen stopped (Chromium may
   * start the worker again right away for a pending event; Firefox's event page stays down until an event).
   */
  suspendBackground(): Promise<void>;
  backgroundRunning(): Promise<boolean>;
  /** Uncaught errors and unhandled rejections the extension printed (Firefox: its stdout/stderr). */
  backgroundErrors(): string[];
  /** What the background printed lately (for failure messages). */
  backgroundLog(): string[];
  /** Every line OTP Guard's background printed that this driver saw (to count logged refusals). */
  backgroundConsole(): string[];
  close(): Promise<void>;
}

export function engineFromEnv(): Engine {
  const value = process.env.OTP_GUARD_E2E_BROWSER ?? 'chromium';
  if (value !== 'chromium' && value !== 'firefox') throw new Error(`OTP_GUARD_E2E_BROWSER: unknown browser ${value}`);
  return value;
}

/**
 * What only one engine's automation can do (known before the browser starts, for skipIf): CDP's
 * Input.imeSetComposition and Input.dispatchDragEvent have no WebDriver BiDi equivalent (BiDi's
 * input.performActions sends keys, pointers and wheel only: no composition, no drag data from outside the page).
 */
export function canExpress(technique: 'ime' | 'external-drop', engine: Engine = engineFromEnv()): boolean {
  return engine === 'chromium' && (technique === 'ime' || technique === 'external-drop');
}

/** Whether the driver for this run can click the toolbar button (known before the browser starts, for skipIf). */
export async function toolbarClickSupported(engine: Engine = engineFromEnv()): Promise<boolean> {
  if (engine === 'chromium') return true;
  const { firefoxMajorVersion, PRIVILEGED_SCRIPTS_SINCE } = await import('./firefox');
  return firefoxMajorVersion() >= PRIVILEGED_SCRIPTS_SINCE;
}

export async function launchDriver(engine: Engine = engineFromEnv()): Promise<Driver> {
  if (engine === 'firefox') return (await import('./firefox')).launchFirefoxDriver();
  return (await import('./chromium-driver')).launchChromiumDriver();
}

/**
 * Registers the driver's lifecycle in the calling test file: launched before all tests, closed after,
 * and every test fails if the extension printed an uncaught error or an unhandled rejection meanwhile.
 */
export function driverForThisFile(setup?: (driver: Driver) => Promise<void> | void): () => Driver {
  let driver: Driver | null = null;
  let seen = 0;
  beforeAll(async () => {
    driver = await launchDriver();
    await setup?.(driver);
  });
  afterEach(() => {
    const errors = driver?.backgroundErrors() ?? [];
    const fresh = errors.slice(seen);
    seen = errors.length;
    expect(fresh, 'uncaught errors or unhandled rejections printed by the extension').toEqual([]);
  });
  afterAll(async () => driver?.close());
  return () => {
    if (!driver) throw new Error('the driver is not launched yet');
    return driver;
  };
}
