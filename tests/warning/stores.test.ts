import { describe, expect, it } from 'vitest';
import { BLOCKED_TABS_KEY, BlockedTabs } from '../../src/background/warnings/blocked-tabs';
import { PASSED_SITES_KEY, PassedSites } from '../../src/background/warnings/passed-sites';

function area(initial: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = { ...initial };
  return {
    data,
    async get(key: string) {
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items: Record<string, unknown>) {
      Object.assign(data, structuredClone(items));
    },
  };
}

describe('sites let through the warning page', () => {
  it('adds, answers, removes; a damaged stored value counts as an empty list', async () => {
    const local = area({ [PASSED_SITES_KEY]: ['ok.example', 42, null] });
    const passed = new PassedSites(local);
    expect(passed.hasNow('ok.example')).toBeUndefined(); // not read yet: the caller must wait
    expect(await passed.has('ok.example')).toBe(true);
    expect(passed.hasNow('ok.example')).toBe(true);
    await passed.add('xn--mazon-3ve.com');
    expect(local.data[PASSED_SITES_KEY]).toEqual(['ok.example', 'xn--mazon-3ve.com']);
    expect(await passed.remove('xn--mazon-3ve.com')).toBe(true);
    expect(await passed.remove('xn--mazon-3ve.com')).toBe(false);
    expect(await new PassedSites(area({ [PASSED_SITES_KEY]: 'not a list' })).has('ok.example')).toBe(false);
  });

  it('a navigation racing the start waits for the preload instead of reading again; a failed read is retried', async () => {
    const local = area({ [PASSED_SITES_KEY]: ['ok.example'] });
    let reads = 0;
    let fail = true;
    const counted = {
      ...local,
      get: (key: string) => {
        reads++;
        return fail ? Promise.reject(new Error('storage down')) : local.get(key);
      },
    };
    const passed = new PassedSites(counted);
    await expect(passed.has('ok.example')).rejects.toThrow('storage down');
    fail = false;
    passed.preload();
    expect(await Promise.all([passed.has('ok.example'), passed.has('other.example')])).toEqual([true, false]);
    expect(reads).toBe(2); // the failed one, then one read for the preload and both questions
  });

  it('keeps at most 1,000 sites, dropping the oldest', async () => {
    const passed = new PassedSites(area({ [PASSED_SITES_KEY]: Array.from({ length: 1000 }, (_, i) => `s${i}.example`) }));
    await passed.add('new.example');
    expect(await passed.has('s0.example')).toBe(false);
    expect(await passed.has('s1.example')).toBe(true);
    expect(await passed.has('new.example')).toBe(true);
  });
});

describe('pages stopped per tab', () => {
  it('survives a restart through session storage and ignores damaged entries', async () => {
    const session = area({ [BLOCKED_TABS_KEY]: { 3: 'https://a.example/', x: 'https://b.example/', 4: 7 } });
    const tabs = new BlockedTabs(session);
    expect(await tabs.get(3)).toBe('https://a.example/');
    expect(await tabs.get(4)).toBeUndefined();
    await tabs.set(5, 'https://www.xn--mazon-3ve.com/');
    const again = new BlockedTabs(session);
    expect(await again.get(5)).toBe('https://www.xn--mazon-3ve.com/');
    await again.clear(5);
    expect(await new BlockedTabs(session).get(5)).toBeUndefined();
  });

  it('a failing session store leaves the in-memory record working', async () => {
    const broken = { get: async () => Promise.reject(new Error('gone')), set: async () => Promise.reject(new Error('gone')) };
    const tabs = new BlockedTabs(broken);
    await tabs.set(1, 'https://x.example/');
    expect(await tabs.get(1)).toBe('https://x.example/');
  });
});
