/**
 * The handlers for the vault itself, settings, enrolment previews and account edits, over the
 * fake-browser Services (see fakes.ts): what the popup gets back, what is stored, what is refused.
 */
import { describe, expect, it, vi } from 'vitest';
import { uiHandlers } from '../../src/background/handlers';
import { openPopup } from '../../src/background/handlers/open-popup';
import { AUTO_LOCK_ALARM } from '../../src/background/session/auto-lock';
import { toBase64 } from '../../src/core/vault/bytes';
import { type ContentScriptSender, type ExtensionPageSender, HandlerError } from '../../src/messaging/router';
import { type Background, buildBackground, PASSWORD, totpLink, unlockedWith } from './fakes';

const popup: ExtensionPageSender = { role: 'extension-page', page: 'src/popup/index.html' };
const NEW_PASSWORD = 'another long passphrase here';
const MINUTE = 60_000;

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HandlerError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal, got a reply');
}

/** An unlocked vault with these accounts (`[]`: an empty vault). */
async function unlocked(accounts?: [string, string[]][]) {
  const bg = buildBackground();
  if (accounts?.length === 0) {
    const created = await bg.vault.create(PASSWORD);
    if (!created.ok) throw new Error(created.error.message);
    return { bg, ui: uiHandlers(bg.services), ids: [] as string[] };
  }
  const added = await unlockedWith(bg, accounts);
  return { bg, ui: uiHandlers(bg.services), ids: added.map((account) => account.id) };
}

async function locked() {
  const setup = await unlocked();
  await setup.bg.vault.lock();
  return setup;
}

const day = (bg: Background) => new Date(bg.clock.now()).toISOString().slice(0, 10);

describe('ui:create-vault', () => {
  it('creates an unlocked vault and starts the auto-lock deadline', async () => {
    const bg = buildBackground();
    const ui = uiHandlers(bg.services);
    const status = await ui['ui:create-vault']({ type: 'ui:create-vault', password: PASSWORD }, popup);
    expect(status.state).toBe('unlocked');
    expect(bg.vault.unlocked).toBe(true);
    expect(bg.alarms.set.get(AUTO_LOCK_ALARM)).toBe(bg.clock.now() + 15 * MINUTE);
  });

  it('refuses to create over an existing vault, and keeps it', async () => {
    const { bg, ui, ids } = await unlocked();
    const refused = await refusal(ui['ui:create-vault']({ type: 'ui:create-vault', password: NEW_PASSWORD }, popup));
    expect(refused.code).toBe('vault-exists');
    expect(bg.vault.accounts().map((account) => account.id)).toEqual(ids);
  });
});

describe('ui:change-password', () => {
  it('refuses while locked', async () => {
    const { ui } = await locked();
    const message = { type: 'ui:change-password', current: PASSWORD, next: NEW_PASSWORD } as const;
    expect((await refusal(ui['ui:change-password'](message, popup))).code).toBe('locked');
  });

  it('refuses a wrong current password in plain words, and the old password still opens the vault', async () => {
    const { bg, ui } = await unlocked();
    const message = { type: 'ui:change-password', current: 'not the password at all', next: NEW_PASSWORD } as const;
    expect(await refusal(ui['ui:change-password'](message, popup))).toEqual({
      code: 'wrong-password',
      message: 'Wrong password. Nothing was changed.',
    });
    await bg.vault.lock();
    expect((await bg.vault.unlock(PASSWORD)).ok).toBe(true);
  });

  it('after a change only the new password opens the vault, with every account', async () => {
    const { bg, ui, ids } = await unlocked();
    const status = await ui['ui:change-password']({ type: 'ui:change-password', current: PASSWORD, next: NEW_PASSWORD }, popup);
    expect(status.state).toBe('unlocked');
    await bg.vault.lock();
    expect((await bg.vault.unlock(PASSWORD)).ok).toBe(false);
    bg.clock.advance(5 * MINUTE);
    expect((await bg.vault.unlock(NEW_PASSWORD)).ok).toBe(true);
    expect(bg.vault.accounts().map((account) => account.id)).toEqual(ids);
  });
});

describe('ui:export-account-qr', () => {
  it('gives a QR (SVG) only after the password is entered again', async () => {
    const { ui, ids } = await unlocked();
    const { svg } = await ui['ui:export-account-qr']({ type: 'ui:export-account-qr', id: ids[0] ?? '', password: PASSWORD }, popup);
    expect(svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
    const wrong = { type: 'ui:export-account-qr', id: ids[0] ?? '', password: 'not the password at all' } as const;
    expect((await refusal(ui['ui:export-account-qr'](wrong, popup))).code).toBe('wrong-password');
  });

  it('refuses while locked, and for an account that no longer exists', async () => {
    const { ui } = await unlocked();
    const gone = { type: 'ui:export-account-qr', id: 'no-such-account', password: PASSWORD } as const;
    expect(await refusal(ui['ui:export-account-qr'](gone, popup))).toEqual({ code: 'not-found', message: 'That account no longer exists.' });
    const after = await locked();
    const message = { type: 'ui:export-account-qr', id: after.ids[0] ?? '', password: PASSWORD } as const;
    expect((await refusal(after.ui['ui:export-account-qr'](message, popup))).code).toBe('locked');
  });
});

describe('ui:export-backup and ui:export-raw-vault', () => {
  it('exports an encrypted backup named by the day, holding no secret in the clear, and notes the backup', async () => {
    const { bg, ui } = await unlocked();
    expect(await bg.services.backupReminder.due(bg.vault.revision, 1)).toBe(true);
    const backup = await ui['ui:export-backup']({ type: 'ui:export-backup' }, popup);
    expect(backup.fileName).toBe(`otp-guard-backup-${day(bg)}.json`);
    expect(backup.fileText).not.toContain('JBSWY3DPEHPK3PXP');
    expect(JSON.parse(backup.fileText)).toBeTypeOf('object');
    expect(await bg.services.backupReminder.due(bg.vault.revision, 1)).toBe(false);
  });

  it('refuses a backup while locked', async () => {
    const { ui } = await locked();
    expect((await refusal(ui['ui:export-backup']({ type: 'ui:export-backup' }, popup))).code).toBe('locked');
  });

  it('exports the raw (still encrypted) vault while locked, for a forgotten password', async () => {
    const { bg, ui } = await locked();
    const raw = await ui['ui:export-raw-vault']({ type: 'ui:export-raw-vault' }, popup);
    expect(raw.fileName).toBe(`otp-guard-vault-before-reset-${day(bg)}.json`);
    expect(raw.fileText.length).toBeGreaterThan(0);
    expect(raw.fileText).not.toContain('JBSWY3DPEHPK3PXP');
  });

  it('has nothing to export when there is no vault', async () => {
    const ui = uiHandlers(buildBackground().services);
    expect((await refusal(ui['ui:export-raw-vault']({ type: 'ui:export-raw-vault' }, popup))).code).toBe('no-vault');
  });
});

describe('ui:start-over', () => {
  it('keeps the vault when the text is not a full export of it', async () => {
    const { bg, ui, ids } = await locked();
    const refused = await refusal(ui['ui:start-over']({ type: 'ui:start-over', exportedText: '{}' }, popup));
    expect(refused.code).not.toBe('');
    expect((await bg.vault.unlock(PASSWORD)).ok).toBe(true);
    expect(bg.vault.accounts().map((account) => account.id)).toEqual(ids);
  });

  it('deletes the vault once the user holds the raw export, and ends locked with no vault', async () => {
    const { bg, ui } = await unlocked();
    const raw = await ui['ui:export-raw-vault']({ type: 'ui:export-raw-vault' }, popup);
    const status = await ui['ui:start-over']({ type: 'ui:start-over', exportedText: raw.fileText }, popup);
    expect(status.state).toBe('none');
    expect(bg.vault.unlocked).toBe(false);
  });
});

describe('ui:get-settings and ui:set-settings', () => {
  it('stores a change, tells the pages, and reads it back', async () => {
    const { bg, ui } = await unlocked();
    const next = await ui['ui:set-settings']({ type: 'ui:set-settings', patch: { autoFill: false } }, popup);
    expect(next.autoFill).toBe(false);
    expect(bg.services.broadcastPageState).toHaveBeenCalledTimes(1);
    expect(await ui['ui:get-settings']({ type: 'ui:get-settings' }, popup)).toEqual(next);
  });

  it('a new auto-lock time sets the deadline from now; other changes leave it alone', async () => {
    const { bg, ui } = await unlocked();
    await ui['ui:set-settings']({ type: 'ui:set-settings', patch: { autoFill: false } }, popup);
    expect(bg.alarms.set.has(AUTO_LOCK_ALARM)).toBe(false);
    bg.clock.advance(MINUTE);
    await ui['ui:set-settings']({ type: 'ui:set-settings', patch: { autoLockMinutes: 5 } }, popup);
    expect(bg.alarms.set.get(AUTO_LOCK_ALARM)).toBe(bg.clock.now() + 5 * MINUTE);
  });

  it('while locked a new auto-lock time starts no deadline', async () => {
    const { bg, ui } = await locked();
    bg.alarms.set.clear();
    const next = await ui['ui:set-settings']({ type: 'ui:set-settings', patch: { autoLockMinutes: 5 } }, popup);
    expect(next.autoLockMinutes).toBe(5);
    expect(bg.alarms.set.size).toBe(0);
  });
});

describe('ui:hotp-next', () => {
  const HOTP = 'otpauth://hotp/Bank:me?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Bank&counter=0';

  it('gives the next code and moves the counter on (RFC 4226 vectors)', async () => {
    const { bg, ui } = await unlocked([]);
    const preview = await ui['ui:preview-links']({ type: 'ui:preview-links', text: HOTP }, popup);
    const pendingIds = preview.previews.map((item) => item.pendingId);
    await ui['ui:commit-pending']({ type: 'ui:commit-pending', pendingIds, expectedRevision: bg.vault.revision }, popup);
    const id = bg.vault.accounts()[0]?.id ?? '';
    expect(await ui['ui:hotp-next']({ type: 'ui:hotp-next', id }, popup)).toEqual({ code: '755224' });
    expect(await ui['ui:hotp-next']({ type: 'ui:hotp-next', id }, popup)).toEqual({ code: '287082' });
  });

  it('refuses a TOTP account, an unknown id, and while locked', async () => {
    const { ui, ids } = await unlocked();
    expect(await refusal(ui['ui:hotp-next']({ type: 'ui:hotp-next', id: ids[0] ?? '' }, popup))).toEqual({
      code: 'not-found',
      message: 'No such HOTP account.',
    });
    expect((await refusal(ui['ui:hotp-next']({ type: 'ui:hotp-next', id: 'nope' }, popup))).code).toBe('not-found');
    const after = await locked();
    expect((await refusal(after.ui['ui:hotp-next']({ type: 'ui:hotp-next', id: after.ids[0] ?? '' }, popup))).code).toBe('locked');
  });
});

describe('cs:open-popup', () => {
  const content: ContentScriptSender = { role: 'content-script', tabId: 7, frameId: 0, frameUrl: 'https://www.amazon.com/' };

  it('answers whether the browser opened the popup', async () => {
    const bg = buildBackground();
    expect(await openPopup(bg.services)({ type: 'cs:open-popup' }, content)).toEqual({ opened: true });
    vi.mocked(bg.services.openPopup).mockResolvedValueOnce(false);
    expect(await openPopup(bg.services)({ type: 'cs:open-popup' }, content)).toEqual({ opened: false });
  });
});

describe('ui:preview-image', () => {
  const image = { type: 'ui:preview-image', dataUrl: 'data:image/png;base64,AAAA' } as const;

  it('previews the accounts of the QR codes found, with no secret in the reply', async () => {
    const { bg, ui } = await unlocked([]);
    vi.mocked(bg.services.decodeQrImage).mockResolvedValueOnce([totpLink('GitHub')]);
    const reply = await ui['ui:preview-image'](image, popup);
    expect(reply.source).toBe('image');
    expect(reply.previews.map((item) => item.issuer)).toEqual(['GitHub']);
    expect(JSON.stringify(reply)).not.toContain('JBSWY3DPEHPK3PXP');
  });

  it('names what the QR codes held that is not an account', async () => {
    const { bg, ui } = await unlocked([]);
    vi.mocked(bg.services.decodeQrImage).mockResolvedValueOnce(['https://example.com/menu', totpLink('GitHub')]);
    const reply = await ui['ui:preview-image'](image, popup);
    expect(reply.previews.map((item) => item.issuer)).toEqual(['GitHub']);
    expect(reply.errors).toEqual(['A QR code on it is not a one-time-code setup code.']);
  });

  it('refuses an unreadable image, an image without a QR code, and while locked', async () => {
    const { bg, ui } = await unlocked([]);
    vi.mocked(bg.services.decodeQrImage).mockRejectedValueOnce(new Error('decoder failed'));
    expect(await refusal(ui['ui:preview-image'](image, popup))).toEqual({ code: 'bad-image', message: 'This file could not be read as an image.' });
    vi.mocked(bg.services.decodeQrImage).mockResolvedValueOnce([]);
    expect(await refusal(ui['ui:preview-image'](image, popup))).toEqual({ code: 'no-qr', message: 'No QR code was found in this image.' });
    await bg.vault.lock();
    expect((await refusal(ui['ui:preview-image'](image, popup))).code).toBe('locked');
    expect(bg.services.decodeQrImage).toHaveBeenCalledTimes(2);
  });
});

describe('ui:preview-import', () => {
  it('previews links given as text or as a file', async () => {
    const { ui } = await unlocked([]);
    const text = `${totpLink('GitHub')}\n${totpLink('GitLab')}`;
    const fromText = await ui['ui:preview-import']({ type: 'ui:preview-import', text }, popup);
    expect(fromText.previews.map((item) => item.issuer)).toEqual(['GitHub', 'GitLab']);
    const bytesBase64 = toBase64(new TextEncoder().encode(text));
    const fromFile = await ui['ui:preview-import']({ type: 'ui:preview-import', bytesBase64 }, popup);
    expect(fromFile.previews.map((item) => item.issuer)).toEqual(['GitHub', 'GitLab']);
  });

  it('refuses a file that is not base64, an unknown export (saving nothing), and while locked', async () => {
    const { bg, ui } = await unlocked([]);
    expect(await refusal(ui['ui:preview-import']({ type: 'ui:preview-import', bytesBase64: '%%% not base64' }, popup))).toEqual({
      code: 'bad-file',
      message: 'The file could not be read.',
    });
    const unknown = await refusal(ui['ui:preview-import']({ type: 'ui:preview-import', text: 'hello there' }, popup));
    expect(unknown.code).toBe('not-recognised');
    expect(unknown.message).toMatch(/^Nothing was imported: .+\.$/);
    expect(bg.vault.accounts()).toEqual([]);
    await bg.vault.lock();
    expect((await refusal(ui['ui:preview-import']({ type: 'ui:preview-import', text: totpLink('GitHub') }, popup))).code).toBe('locked');
  });
});

describe('ui:preview-manual', () => {
  const manual = {
    type: 'ui:preview-manual',
    issuer: 'Example',
    accountName: 'me@example.com',
    secret: 'JBSWY3DPEHPK3PXP',
    kind: 'totp',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
  } as const;

  it('previews a typed-in account with its current code', async () => {
    const { ui } = await unlocked([]);
    const reply = await ui['ui:preview-manual'](manual, popup);
    expect(reply.source).toBe('manual');
    expect(reply.previews).toHaveLength(1);
    expect(reply.previews[0]).toMatchObject({ issuer: 'Example', accountName: 'me@example.com' });
    expect(reply.previews[0]?.code).toMatch(/^\d{6}$/);
  });

  it('a Steam account always has five characters, whatever digits the form sent', async () => {
    const { ui } = await unlocked([]);
    const reply = await ui['ui:preview-manual']({ ...manual, kind: 'steam', digits: 8 }, popup);
    expect(reply.previews[0]?.code).toHaveLength(5);
  });

  it('refuses a secret that is not base32, parameters out of range, and while locked', async () => {
    const { bg, ui } = await unlocked([]);
    const badSecret = await refusal(ui['ui:preview-manual']({ ...manual, secret: '!!!!' }, popup));
    expect(badSecret.code).not.toBe('locked');
    expect(badSecret.message.length).toBeGreaterThan(0);
    const badDigits = await refusal(ui['ui:preview-manual']({ ...manual, digits: 99 }, popup));
    expect(badDigits.message.length).toBeGreaterThan(0);
    await bg.vault.lock();
    expect((await refusal(ui['ui:preview-manual'](manual, popup))).code).toBe('locked');
  });
});

describe('ui:reorder', () => {
  it('stores the new order and nothing else', async () => {
    const { bg, ui, ids } = await unlocked([
      ['Amazon', ['amazon.com']],
      ['GitHub', ['github.com']],
    ]);
    const before = bg.vault.revision;
    const reply = await ui['ui:reorder']({ type: 'ui:reorder', ids: [...ids].reverse(), expectedRevision: before }, popup);
    expect(reply.revision).toBeGreaterThan(before);
    const order = Object.fromEntries(bg.vault.accounts().map((account) => [account.id, account.order]));
    expect(order).toEqual({ [ids[1] ?? '']: 0, [ids[0] ?? '']: 1 });
  });

  it('an unchanged order writes nothing', async () => {
    const { bg, ui, ids } = await unlocked([
      ['Amazon', ['amazon.com']],
      ['GitHub', ['github.com']],
    ]);
    const before = bg.vault.revision;
    expect(await ui['ui:reorder']({ type: 'ui:reorder', ids, expectedRevision: before }, popup)).toEqual({ revision: before });
  });

  it('refuses a stale list (another window changed the accounts), and while locked', async () => {
    const { bg, ui, ids } = await unlocked([
      ['Amazon', ['amazon.com']],
      ['GitHub', ['github.com']],
    ]);
    const stale = bg.vault.revision - 1;
    expect((await refusal(ui['ui:reorder']({ type: 'ui:reorder', ids: [...ids].reverse(), expectedRevision: stale }, popup))).code).toBe('conflict');
    await bg.vault.lock();
    expect((await refusal(ui['ui:reorder']({ type: 'ui:reorder', ids, expectedRevision: stale }, popup))).code).toBe('locked');
  });
});

describe('ui:update-account', () => {
  it('trims the names, stores registrable domains, and stamps the change', async () => {
    const { bg, ui, ids } = await unlocked();
    const id = ids[0] ?? '';
    bg.clock.advance(MINUTE);
    const reply = await ui['ui:update-account'](
      {
        type: 'ui:update-account',
        id,
        issuer: '  Amazon EU ',
        accountName: ' Work login ',
        domains: [' https://www.amazon.co.uk/ap/signin', 'amazon.com ', 'smile.amazon.com'],
        expectedRevision: bg.vault.revision,
      },
      popup,
    );
    const account = bg.vault.account(id);
    expect(account).toMatchObject({ issuer: 'Amazon EU', accountName: 'Work login', updatedAt: bg.clock.now() });
    expect(account?.domains).toEqual(['amazon.co.uk', 'amazon.com']);
    expect(reply).toEqual({ revision: bg.vault.revision });
  });

  it('leaves out what the message leaves out', async () => {
    const { bg, ui, ids } = await unlocked();
    const id = ids[0] ?? '';
    const before = bg.vault.account(id);
    await ui['ui:update-account']({ type: 'ui:update-account', id, issuer: 'Amazon', expectedRevision: bg.vault.revision }, popup);
    expect(bg.vault.account(id)).toMatchObject({ accountName: before?.accountName, domains: before?.domains });
  });

  it('refuses a domain that is not a website, by name, and changes nothing', async () => {
    const { bg, ui, ids } = await unlocked();
    const id = ids[0] ?? '';
    const message = { type: 'ui:update-account' as const, id, domains: ['amazon.com', 'co.uk'], expectedRevision: bg.vault.revision };
    expect(await refusal(ui['ui:update-account'](message, popup))).toEqual({ code: 'bad-domain', message: '“co.uk” is not a website\'s domain.' });
    expect(bg.vault.account(id)?.domains).toEqual(['amazon.com']);
  });

  it('refuses an account that no longer exists, a stale revision, and while locked', async () => {
    const { bg, ui, ids } = await unlocked();
    const id = ids[0] ?? '';
    const gone = { type: 'ui:update-account', id: 'no-such-id', issuer: 'X', expectedRevision: bg.vault.revision } as const;
    expect(await refusal(ui['ui:update-account'](gone, popup))).toEqual({ code: 'not-found', message: 'That account no longer exists.' });
    const stale = { type: 'ui:update-account', id, issuer: 'X', expectedRevision: bg.vault.revision - 1 } as const;
    expect((await refusal(ui['ui:update-account'](stale, popup))).code).toBe('conflict');
    await bg.vault.lock();
    expect((await refusal(ui['ui:update-account']({ ...stale, expectedRevision: bg.vault.revision }, popup))).code).toBe('locked');
  });
});
