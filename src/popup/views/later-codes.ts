/**
 * Codes for the rows the list left without one (`codeLater`: the background computes only the first screen's
 * codes with the list). The rows on screen that lack a code are asked once per list with `ui:account-codes`;
 * a new list (each period boundary, each change) asks them again. Until the new answer comes (one round trip) a row
 * keeps the code it had, rather than blinking empty; copying asks the background anyway.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountCode, AccountView } from '../../messaging/protocol';
import type { BackgroundClient } from '../client';

/** The schema's bound on one `ui:account-codes` message. */
const MAX_IDS = 200;

interface Asked {
  fetchedAt: number;
  ids: Set<string>;
}

/** A row's view with the code the background gave later; the list's countdown stays (it was counted at `fetchedAt`). */
function withCode(account: AccountView, code: AccountCode): AccountView {
  const { codeLater: _left, nextCode: _none, ...rest } = account;
  return { ...rest, code: code.code, ...(code.nextCode !== undefined ? { nextCode: code.nextCode } : {}) };
}

/**
 * Returns `shown` with the codes asked so far filled in (the same objects while nothing changes, so rows stay
 * memoised). `onError` gets a failed ask (e.g. the vault locked meanwhile).
 */
export function useLaterCodes(
  client: BackgroundClient,
  shown: AccountView[],
  fetchedAt: number,
  onError: (error: unknown) => void,
): AccountView[] {
  const asked = useRef<Asked>({ fetchedAt, ids: new Set() });
  if (asked.current.fetchedAt !== fetchedAt) asked.current = { fetchedAt, ids: new Set() };
  const [codes, setCodes] = useState<ReadonlyMap<string, AccountCode>>(new Map());
  const merged = useRef({ codes, views: new Map<AccountView, AccountView>() });

  useEffect(() => {
    const round = asked.current;
    const ids = shown.filter((account) => account.codeLater && !round.ids.has(account.id)).map((account) => account.id);
    for (let from = 0; from < ids.length; from += MAX_IDS) {
      const batch = ids.slice(from, from + MAX_IDS);
      for (const id of batch) round.ids.add(id);
      client.send({ type: 'ui:account-codes', ids: batch }).then(
        (reply) => {
          if (asked.current !== round) return; // a newer list came meanwhile: its rows are asked afresh
          setCodes((previous) => {
            const byId = new Map(previous);
            for (const code of reply.codes) byId.set(code.id, code);
            return byId;
          });
        },
        (error) => {
          for (const id of batch) round.ids.delete(id);
          onError(error);
        },
      );
    }
  });

  // One merged object per row and per answer, so a row re-renders only when its code came.
  if (merged.current.codes !== codes) merged.current = { codes, views: new Map() };
  const views = merged.current.views;
  return shown.map((account) => {
    const code = account.codeLater ? codes.get(account.id) : undefined;
    if (!code) return account;
    let view = views.get(account);
    if (!view) {
      view = withCode(account, code);
      views.set(account, view);
    }
    return view;
  });
}
