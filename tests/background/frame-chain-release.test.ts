/**
 * cs:request-code and cs:hello over a fake browser frame tree: the handlers decide from the sender's
 * origin and the chain the browser reports, re-read right before the reply.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createFrameChainReader } from '../../src/background/frame-chain';
import { createGuardHolder } from '../../src/background/guard-holder';
import { hello } from '../../src/background/handlers/hello';
import { requestCode } from '../../src/background/handlers/request-code';
import type { Services } from '../../src/background/services';
import type { Account } from '../../src/core/otp/account';
import { RELEASE_REFUSAL_TEXT } from '../../src/core/policy/release';
import type { ContentScriptSender } from '../../src/messaging/router';

interface Frame {
  frameId: number;
  parentFrameId: number;
  url: string;
  documentId: string;
}

const account: Account = {
  id: 'amazon-me',
  issuer: 'Amazon',
  accountName: 'me@example.com',
  otp: { kind: 'totp', secret: new Uint8Array(20).fill(7), algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
  domains: ['amazon.com'],
  bindings: [{ host: 'amazon.com', site: 'amazon.com' }],
  warnings: [],
  createdAt: 0,
  updatedAt: 0,
  order: 0,
};

let frames: Frame[];
let reads: number;
/** Called on each read of the tree, to change it between the check and the reply. */
let onRead: (count: number) => void;
let unlocked: boolean;
let injected: number[];

function fakeServices(): Services {
  const guard = createGuardHolder();
  guard.setAccounts([{ accountId: account.id, label: 'Amazon (me)', domains: account.domains }]);
  return {
    guard,
    clock: { now: () => 1_700_000_000_000 },
    vault: {
      get unlocked() {
        return unlocked;
      },
      accounts: () => [account],
    },
    settings: { get: async () => ({ autoFill: true, autoSubmit: false, autoLockMinutes: 15 }) },
    autoLock: { touch: async () => undefined },
    tabUrl: async () => frames.find((frame) => frame.frameId === 0)?.url,
    frameChain: createFrameChainReader({
      getAllFrames: async () => {
        reads += 1;
        onRead(reads);
        return frames.map((frame) => ({ ...frame }));
      },
    }),
    refreshBadge: async () => undefined,
    injectEngine: async (_tab: number, frameId: number) => {
      injected.push(frameId);
      return true;
    },
  } as unknown as Services;
}

function senderFor(frameId: number, overrides: Partial<ContentScriptSender> = {}): ContentScriptSender {
  const frame = frames.find((candidate) => candidate.frameId === frameId)!;
  return { role: 'content-script', tabId: 5, frameId, frameUrl: frame.url, origin: new URL(frame.url).origin, documentId: frame.documentId, ...overrides };
}

const chain = (...urls: string[]): Frame[] =>
  urls.map((url, index) => ({ frameId: index === 0 ? 0 : index + 10, parentFrameId: index === 0 ? -1 : index === 1 ? 0 : index + 9, url, documentId: `doc-${index}` }));

beforeEach(() => {
  reads = 0;
  onRead = () => undefined;
  unlocked = true;
  injected = [];
});

describe('cs:request-code over the browser’s frame chain', () => {
  it('releases a code to amazon.com → amazon.com → amazon.com, reading the chain before and after', async () => {
    frames = chain('https://www.amazon.com/', 'https://www.amazon.com/embed', 'https://www.amazon.com/ap/mfa');
    const reply = await requestCode(fakeServices())({ type: 'cs:request-code' }, senderFor(12));
    expect(reply.accountId).toBe('amazon-me');
    expect(reply.code).toMatch(/^\d{6}$/);
    expect(reads).toBe(2);
  });

  it('refuses amazon.com → foreign frame → amazon.com', async () => {
    frames = chain('https://www.amazon.com/', 'https://widgets.example-cdn.net/embed', 'https://www.amazon.com/ap/mfa');
    await expect(requestCode(fakeServices())({ type: 'cs:request-code' }, senderFor(12))).rejects.toMatchObject({
      code: 'not-allowed',
      message: RELEASE_REFUSAL_TEXT['middle-frame-not-verified'],
    });
  });

  it('refuses an opaque origin — and says so even while locked (no unlock prompt for it)', async () => {
    frames = chain('https://www.amazon.com/', 'https://www.amazon.com/ap/mfa');
    const services = fakeServices();
    await expect(requestCode(services)({ type: 'cs:request-code' }, senderFor(11, { origin: 'null' }))).rejects.toMatchObject({
      code: 'not-allowed',
      message: RELEASE_REFUSAL_TEXT['opaque-origin'],
    });
    unlocked = false;
    await expect(requestCode(services)({ type: 'cs:request-code' }, senderFor(11, { origin: 'null' }))).rejects.toMatchObject({ code: 'not-allowed' });
    await expect(requestCode(services)({ type: 'cs:request-code' }, senderFor(11))).rejects.toMatchObject({ code: 'locked' });
  });

  it('refuses when the frame tree cannot be read', async () => {
    frames = chain('https://www.amazon.com/');
    const services = { ...fakeServices(), frameChain: createFrameChainReader(undefined) } as Services;
    await expect(requestCode(services)({ type: 'cs:request-code' }, senderFor(0))).rejects.toMatchObject({
      message: RELEASE_REFUSAL_TEXT['no-frame-chain'],
    });
  });

  it('refuses when another document replaced the asking one while the code was made', async () => {
    frames = chain('https://www.amazon.com/', 'https://www.amazon.com/ap/mfa');
    onRead = (count) => {
      if (count === 2) frames[1] = { ...frames[1]!, documentId: 'doc-new' };
    };
    await expect(requestCode(fakeServices())({ type: 'cs:request-code' }, senderFor(11))).rejects.toMatchObject({
      code: 'not-allowed',
      message: RELEASE_REFUSAL_TEXT['frame-changed'],
    });
  });

  it('refuses when a middle frame navigated to another site while the code was made', async () => {
    frames = chain('https://www.amazon.com/', 'https://www.amazon.com/embed', 'https://www.amazon.com/ap/mfa');
    onRead = (count) => {
      if (count === 2) frames[1] = { ...frames[1]!, url: 'https://attacker.example/', documentId: 'doc-evil' };
    };
    await expect(requestCode(fakeServices())({ type: 'cs:request-code' }, senderFor(12))).rejects.toMatchObject({ code: 'not-allowed' });
  });

  it('refuses a document the browser gives no origin for', async () => {
    frames = chain('https://www.amazon.com/');
    const { origin: _none, ...sender } = senderFor(0);
    await expect(requestCode(fakeServices())({ type: 'cs:request-code' }, sender)).rejects.toMatchObject({
      message: RELEASE_REFUSAL_TEXT['no-origin'],
    });
  });
});

describe('cs:hello decides what a frame is from the same chain', () => {
  it('calls the nested amazon.com frame below a foreign frame not fillable, and injects nothing there', async () => {
    frames = chain('https://www.amazon.com/', 'https://widgets.example-cdn.net/embed', 'https://www.amazon.com/ap/mfa');
    const state = await hello(fakeServices())({ type: 'cs:hello' }, senderFor(12, { tabUrl: 'https://www.amazon.com/' }));
    expect(state).toMatchObject({ fillable: false, accounts: [] });
    expect(injected).toEqual([]);
  });

  it('calls a sandboxed amazon.com document not fillable, locked or not', async () => {
    frames = chain('https://www.amazon.com/');
    const services = fakeServices();
    expect((await hello(services)({ type: 'cs:hello' }, senderFor(0, { origin: 'null' }))).fillable).toBe(false);
    unlocked = false;
    expect((await hello(services)({ type: 'cs:hello' }, senderFor(0, { origin: 'null' }))).fillable).toBe(false);
    expect((await hello(services)({ type: 'cs:hello' }, senderFor(0))).fillable).toBe(true);
  });

  it('calls amazon.com → amazon.com fillable with the account', async () => {
    frames = chain('https://www.amazon.com/', 'https://www.amazon.com/ap/mfa');
    const state = await hello(fakeServices())({ type: 'cs:hello' }, senderFor(11, { tabUrl: 'https://www.amazon.com/' }));
    expect(state).toMatchObject({ fillable: true, accounts: [{ id: 'amazon-me' }] });
    expect(injected).toEqual([11]);
  });

  it('does not read the frame tree for a page that is not verified at all', async () => {
    frames = chain('https://example.org/');
    await hello(fakeServices())({ type: 'cs:hello' }, senderFor(0));
    expect(reads).toBe(0);
  });
});
