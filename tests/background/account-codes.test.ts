/** The list carries codes for its first screen only; `ui:account-codes` gives the rest, never a secret. */
import { describe, expect, it } from 'vitest';
import { uiHandlers } from '../../src/background/handlers';
import { LIST_CODE_ROWS } from '../../src/background/handlers/list-accounts';
import { type ExtensionPageSender, HandlerError } from '../../src/messaging/router';
import { buildBackground, unlockedWith } from './fakes';

const popup: ExtensionPageSender = { role: 'extension-page', page: 'src/popup/index.html' };
const COUNT = LIST_CODE_ROWS + 10;

async function setup() {
  const bg = buildBackground();
  const added = await unlockedWith(
    bg,
    Array.from({ length: COUNT }, (_, index): [string, string[]] => [`Service${index}`, [`service${index}.example`]]),
  );
  return { bg, ui: uiHandlers(bg.services), ids: added.map((account) => account.id) };
}

describe('ui:list-accounts with many accounts', () => {
  it('gives codes to its first rows and leaves the rest for later (codeLater, no code)', async () => {
    const { ui } = await setup();
    const list = await ui['ui:list-accounts']({ type: 'ui:list-accounts' }, popup);
    expect(list.accounts).toHaveLength(COUNT);
    const first = list.accounts.slice(0, LIST_CODE_ROWS);
    const rest = list.accounts.slice(LIST_CODE_ROWS);
    expect(first.every((account) => /^\d{6}$/.test(account.code) && account.codeLater === undefined)).toBe(true);
    expect(rest.every((account) => account.code === '' && account.codeLater === true && account.nextCode === undefined)).toBe(true);
    // The countdown is there for every row: it costs no HMAC.
    expect(rest.every((account) => account.secondsRemaining >= 1 && account.secondsRemaining <= 30)).toBe(true);
  });

  it('gives its code to an account that fills on the page in front, wherever it is in the list', async () => {
    const { bg, ui, ids } = await setup();
    bg.showTab(`https://service${COUNT - 1}.example/login`);
    const list = await ui['ui:list-accounts']({ type: 'ui:list-accounts' }, popup);
    const last = list.accounts.find((account) => account.id === ids[COUNT - 1]);
    expect(last).toMatchObject({ fillsHere: true });
    expect(last?.code).toMatch(/^\d{6}$/);
    expect(last?.codeLater).toBeUndefined();
  });
});

describe('ui:account-codes', () => {
  it('answers the codes the list would have given, skipping unknown ids, never a secret', async () => {
    const { bg, ui, ids } = await setup();
    const late = ids.slice(LIST_CODE_ROWS);
    const reply = await ui['ui:account-codes']({ type: 'ui:account-codes', ids: [...late, 'no-such-id', late[0] as string] }, popup);
    expect(reply.codes.map((code) => code.id)).toEqual(late);
    // Same secret in every test account: the codes equal the first row's code of a list at the same time.
    const list = await ui['ui:list-accounts']({ type: 'ui:list-accounts' }, popup);
    const listed = list.accounts[0];
    for (const code of reply.codes) expect(code).toMatchObject({ code: listed?.code, secondsRemaining: listed?.secondsRemaining });
    expect(JSON.stringify(reply)).not.toContain('JBSWY3DPEHPK3PXP');
    // In the last seconds of a period the next code comes too.
    bg.clock.advance((reply.codes[0]?.secondsRemaining ?? 0) * 1000 - 3000);
    const ending = await ui['ui:account-codes']({ type: 'ui:account-codes', ids: late.slice(0, 1) }, popup);
    expect(ending.codes[0]?.secondsRemaining).toBe(3);
    expect(ending.codes[0]?.nextCode).toMatch(/^\d{6}$/);
    expect(ending.codes[0]?.nextCode).not.toBe(ending.codes[0]?.code);
  });

  it('refuses while locked', async () => {
    const { bg, ui, ids } = await setup();
    await bg.vault.lock();
    const answer = await ui['ui:account-codes']({ type: 'ui:account-codes', ids: ids.slice(0, 1) }, popup).then(
      () => null,
      (error: unknown) => error,
    );
    expect(answer).toBeInstanceOf(HandlerError);
    expect((answer as HandlerError).code).toBe('locked');
  });
});
