/**
 * DOM services the views need (clipboard, files, downloads, timers, opening the options page), behind one
 * interface so views stay testable: the shells pass the real one (dom-platform.ts), tests pass a fake.
 */
export type Cancel = () => void;

export interface ClipboardPort {
  write(text: string): Promise<void>;
  /** Whether `read` works here; without it the clipboard is never cleared for the user (we cannot tell what it holds). */
  readonly canRead: boolean;
  read(): Promise<string>;
}

export interface TimerPort {
  /** Runs `run` once after `ms`; returns a cancel function. */
  after(ms: number, run: () => void): Cancel;
  /** Runs `run` every `ms`; returns a cancel function. */
  every(ms: number, run: () => void): Cancel;
  /** Milliseconds since the epoch. */
  now(): number;
}

/** Sections of the options page the popup links to. */
export type OptionsSection = 'import' | 'qr' | 'backup' | 'settings';

export interface Platform {
  clipboard: ClipboardPort;
  timers: TimerPort;
  readFileAsDataUrl(file: Blob): Promise<string>;
  readFileAsText(file: Blob): Promise<string>;
  /** Offers `text` to the user as a file download named `fileName`. */
  downloadText(fileName: string, text: string): void;
  openOptions(section: OptionsSection): void;
}
