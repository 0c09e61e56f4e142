/**
 * Fault injection on the background's security paths (style of tests/core/vault/faults.test.ts): a
 * throwing storage call at each step of lock, unlock, auto-lock, resume, reload and the throttle. The
 * vault ends locked (or unchanged and locked) whenever a step failed, the reply is a clear refusal
 * (never the generic "internal"), and no later worker resumes a session that was reported locked.
 */
import { describe, expect, it, vi } from 'vitest';
import { uiHandlers } from '../../src/background/handlers';
import { messagePipeline } from '../../src/background/message-pipeline';
import { type FaultMode, MemoryStore } from '../../src/core/vault/memory-store';
import { THROTTLE_KEY } from '../../src/core/vault/throttle';
import type { Reply } from '../../src/messaging/protocol';
import { createRouter } from '../../src/messaging/router';
import { type Background, buildBackground, FakeSession, PASSWORD, restartWorker, unlockedWith } from './fakes';

const MODES: FaultMode[] = ['reject', 'apply-then-reject', 'kill'];

/** A store whose fault is armed at a call index chosen after setup. */
function armedStore() {
  let armedAt = -1;
  let mode: FaultMode = 'reject';
  const store = new MemoryStore({ failOn: (_op, index) => (index === armedAt ? mode : false) });
  return {
    store,
    arm: (offset: number, as: FaultMode) => {
      armedAt = store.log.length + offset;
      mode = as;
    },
    disarm: () => {
      armedAt = -1;
    },
  };
}

function send(bg: Background, message: unknown): Promise<Reply<unknown>> {
  const route = createRouter({ ui: uiHandlers(bg.services), cs: {} }, { refused: () => undefined });
  return messagePipeline({
    classify: () => ({ role: 'extension-page', page: 'src/popup/index.html' }),
    route,
    autoLock: bg.services.autoLock,
    vault: bg.vault,
    secrets: bg.secrets,
    autoLockMinutes: async () => 15,
  })(message, {});
}

/** A refusal the user can read: a code of its own and words. */
function expectClearRefusal(reply: Reply<unknown>) {
  if (reply.ok) return;
  expect(reply.error.code).not.toBe('internal');
  expect(reply.error.message.length).toBeGreaterThan(10);
}

/** How many session and store calls `run` makes on a fresh, fault-free setup. */
async function countCalls(setup: () => Promise<Background>, run: (bg: Background) => Promise<unknown>) {
  const bg = await setup();
  const session = bg.session.calls.length;
  const store = bg.store.log.length;
  await run(bg);
  return { session: bg.session.calls.length - session, store: bg.store.log.length - store };
}

async function unlockedBackground(): Promise<Background> {
  const { store } = armedStore();
  const bg = buildBackground({ store, session: new FakeSession() });
  await unlockedWith(bg, [['Amazon', ['amazon.com']], ['GitHub', ['github.com']]]);
  return bg;
}

describe('fault injection: lock', () => {
  it('a session call that throws at any step of ui:lock: locked here, and no later worker resumes unless the reply said so', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const { session: calls } = await countCalls(unlockedBackground, (bg) => send(bg, { type: 'ui:lock' }));
    expect(calls).toBeGreaterThan(2);
    for (let index = 0; index < calls; index++) {
      for (const onward of [false, true]) {
        const bg = await unlockedBackground();
        bg.session.arm(index, onward);
        const reply = await send(bg, { type: 'ui:lock' });
        expectClearRefusal(reply);
        expect(bg.vault.unlocked, `call ${index}`).toBe(false);
        bg.session.heal();
        const resumed = await restartWorker(bg).vault.resume();
        if (resumed) expect(reply, `call ${index} onward=${onward}`).toMatchObject({ ok: false, error: { code: 'lock-incomplete' } });
        if (!onward) expect(resumed, `a single failure at call ${index}`).toBe(false);
      }
    }
  });
});

describe('fault injection: auto-lock', () => {
  it('a session call that throws at any step of a due auto-lock: locked, and no later worker resumes', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const due = async () => {
      const bg = await unlockedBackground();
      await bg.services.autoLock.touch(1);
      bg.clock.advance(60_000);
      return restartWorker(bg);
    };
    const { session: calls } = await countCalls(due, (bg) => bg.services.autoLock.lockIfDue());
    for (let index = 0; index < calls; index++) {
      const bg = await due();
      bg.session.arm(index);
      await bg.services.autoLock.lockIfDue();
      expect(await bg.vault.resume(), `call ${index}`).toBe(false);
      bg.session.heal();
      expect(await restartWorker(bg).vault.resume(), `call ${index}`).toBe(false);
    }
  });
});

describe('fault injection: unlock and the throttle', () => {
  async function lockedBackground(): Promise<Background & { arm: (offset: number, mode: FaultMode) => void; disarm: () => void }> {
    const armed = armedStore();
    const bg = buildBackground({ store: armed.store });
    await unlockedWith(bg);
    await bg.vault.lock();
    return Object.assign(bg, { arm: armed.arm, disarm: armed.disarm });
  }

  it('a store call that throws at any step of ui:unlock: an error reply always means locked, here and later', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const { store: calls } = await countCalls(lockedBackground, (bg) => send(bg, { type: 'ui:unlock', password: PASSWORD }));
    expect(calls).toBeGreaterThan(3);
    for (let index = 0; index < calls; index++) {
      for (const mode of MODES) {
        const bg = await lockedBackground();
        bg.arm(index, mode);
        const reply = await send(bg, { type: 'ui:unlock', password: PASSWORD });
        expectClearRefusal(reply);
        if (!reply.ok) {
          expect(bg.vault.unlocked, `call ${index} ${mode}`).toBe(false);
          expect(await restartWorker(bg).vault.resume(), `call ${index} ${mode}`).toBe(false);
        } else {
          expect(reply.value, `call ${index} ${mode} unlocked=${bg.vault.unlocked}`).toMatchObject({ state: 'unlocked' });
          expect(bg.vault.degraded).toBeNull();
        }
      }
    }
  });

  it('a session call that throws at any step of ui:unlock: an error reply always means locked', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const { session: calls } = await countCalls(lockedBackground, (bg) => send(bg, { type: 'ui:unlock', password: PASSWORD }));
    for (let index = 0; index < calls; index++) {
      const bg = await lockedBackground();
      bg.session.arm(index);
      const reply = await send(bg, { type: 'ui:unlock', password: PASSWORD });
      expectClearRefusal(reply);
      if (!reply.ok) expect(bg.vault.unlocked, `call ${index}`).toBe(false);
      bg.session.heal();
      if (!reply.ok) expect(await restartWorker(bg).vault.resume(), `call ${index}`).toBe(false);
    }
  });

  it('a wrong password under a failing store is either counted or not tried at all (no free guess)', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const { store: calls } = await countCalls(lockedBackground, (bg) => send(bg, { type: 'ui:unlock', password: 'wrong' }));
    for (let index = 0; index < calls; index++) {
      for (const mode of MODES) {
        const bg = await lockedBackground();
        const before = bg.store.dump()[THROTTLE_KEY] as { failures: number } | undefined;
        bg.arm(index, mode);
        const reply = await send(bg, { type: 'ui:unlock', password: 'wrong' });
        expect(reply.ok).toBe(false);
        expectClearRefusal(reply);
        bg.disarm();
        const after = (bg.store.dump()[THROTTLE_KEY] as { failures: number } | undefined)?.failures ?? 0;
        if (!reply.ok && reply.error.code === 'wrong-password') {
          expect(after, `call ${index} ${mode}: a tried password is counted`).toBe((before?.failures ?? 0) + 1);
        }
      }
    }
  });
});

describe('fault injection: resume and reload', () => {
  it('a call that throws at any step of a resume: locked, or unlocked with every account, or degraded with none', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const later = async () => restartWorker(await unlockedBackground());
    const counted = await countCalls(later, (bg) => bg.vault.resume());
    const cases = [
      ...Array.from({ length: counted.session }, (_, index) => ({ index, where: 'session' as const })),
      ...Array.from({ length: counted.store }, (_, index) => ({ index, where: 'store' as const })),
    ];
    for (const { index, where } of cases) {
      for (const mode of MODES) {
        if (where === 'session' && mode !== 'reject') continue;
        const bg = await later();
        if (where === 'session') bg.session.arm(index);
        else {
          let at = -1;
          const faulty = new MemoryStore({ initial: bg.store.dump(), failOn: (_op, i) => (i === at ? mode : false) });
          const fresh = buildBackground({ store: faulty, session: bg.session, clock: bg.clock });
          at = faulty.log.length + index;
          await expect(fresh.vault.resume()).resolves.toBeTypeOf('boolean');
          expectUsableOrNothing(fresh, `${where} call ${index} ${mode}`);
          continue;
        }
        await expect(bg.vault.resume()).resolves.toBeTypeOf('boolean');
        expectUsableOrNothing(bg, `${where} call ${index}`);
      }
    }
  });

  it('a store call that throws at any step of a reload: every account, or degraded with none (never a stale list)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (let index = 0; index < 6; index++) {
      for (const mode of MODES) {
        let at = -1;
        const store = new MemoryStore({ failOn: (_op, i) => (i === at ? mode : false) });
        const bg = buildBackground({ store });
        await unlockedWith(bg, [['Amazon', ['amazon.com']], ['GitHub', ['github.com']]]);
        at = store.log.length + index;
        await bg.vault.reload();
        expectUsableOrNothing(bg, `call ${index} ${mode}`);
      }
    }
  });
});

function expectUsableOrNothing(bg: Background, label: string) {
  if (!bg.vault.unlocked) {
    expect(bg.vault.accounts(), label).toEqual([]);
    return;
  }
  if (bg.vault.degraded) {
    expect(bg.vault.accounts(), label).toEqual([]);
    expect(bg.guard.accounts(), label).toEqual([]);
  } else {
    expect(bg.vault.accounts().map((account) => account.issuer), label).toEqual(['Amazon', 'GitHub']);
  }
}
