// webextension-polyfill throws outside an extension; shells under test get an in-memory browser instead.
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, vi } from 'vitest';
import { setWords } from '../../src/content/ui/words';
import { englishI18n } from '../../src/ui/i18n-context';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

beforeEach(() => {
  fakeBrowser.reset();
});

// The in-page UI reads its words through the browser's i18n; under test, from the shipped English messages.json.
setWords(englishI18n);
