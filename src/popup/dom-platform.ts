import type { OptionsSection, Platform } from './platform';

function readFile(file: Blob, as: 'dataUrl' | 'text'): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(new Error('The file could not be read.'));
    if (as === 'dataUrl') reader.readAsDataURL(file);
    else reader.readAsText(file);
  });
}

export interface DomPlatformOptions {
  /** True only where the extension may read the clipboard (Chrome needs the clipboardRead permission). */
  canReadClipboard: boolean;
  openOptions(section: OptionsSection): void;
}

/** The real platform for extension pages: plain DOM APIs only (the shell supplies anything browser.*). */
export function createDomPlatform(options: DomPlatformOptions): Platform {
  return {
    clipboard: {
      canRead: options.canReadClipboard,
      write: (text) => navigator.clipboard.writeText(text),
      read: () => navigator.clipboard.readText(),
    },
    timers: {
      after(ms, run) {
        const id = setTimeout(run, ms);
        return () => clearTimeout(id);
      },
      every(ms, run) {
        const id = setInterval(run, ms);
        return () => clearInterval(id);
      },
      now: () => Date.now(),
    },
    readFileAsDataUrl: (file) => readFile(file, 'dataUrl'),
    readFileAsText: (file) => readFile(file, 'text'),
    downloadText(fileName, text) {
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.rel = 'noopener';
      document.body.append(link);
      link.click();
      link.remove();
      // The download has started by now; revoke later so slow browsers still read the blob.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    openOptions: options.openOptions,
  };
}
