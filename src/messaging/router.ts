/**
 * The one message router: checks the sender's role, then the message's shape, then dispatches to a
 * small handler. Anything else is refused with a logged reason; a handler's failure becomes an error
 * reply, never a crashed worker.
 */
import * as v from 'valibot';
import {
  type CsMessage,
  type CsMessageType,
  type CsReplies,
  csMessageSchemas,
  type Reply,
  type UiMessage,
  type UiMessageType,
  type UiReplies,
  uiMessageSchemas,
} from './protocol';
import type { ErrorCode } from './errors';
import { pageMaySend, type SenderRole } from './sender';

export type ExtensionPageSender = Extract<SenderRole, { role: 'extension-page' }>;
export type ContentScriptSender = Extract<SenderRole, { role: 'content-script' }>;

/** A handler's own refusal: the reply carries the code and the plain-words message. */
export class HandlerError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HandlerError';
  }
}

export type UiHandlers = {
  [T in UiMessageType]: (message: UiMessage<T>, sender: ExtensionPageSender) => Promise<UiReplies[T]>;
};
export type CsHandlers = {
  [T in CsMessageType]: (message: CsMessage<T>, sender: ContentScriptSender) => Promise<CsReplies[T]>;
};

export interface RefusalLog {
  refused(reason: string, detail: { type?: string; role: SenderRole['role'] }): void;
}

function typeOf(message: unknown): string | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const type = (message as { type?: unknown }).type;
  return typeof type === 'string' ? type.slice(0, 64) : undefined;
}

const refusal = (code: ErrorCode, message: string): Reply<never> => ({ ok: false, error: { code, message } });

export function createRouter(handlers: { ui: Partial<UiHandlers>; cs: Partial<CsHandlers> }, log: RefusalLog) {
  return async function route(message: unknown, sender: SenderRole): Promise<Reply<unknown>> {
    const type = typeOf(message);
    if (sender.role === 'refused') {
      log.refused(sender.reason, { ...(type ? { type } : {}), role: sender.role });
      return refusal('refused', 'This sender may not talk to OTP Guard.');
    }
    const expectedRole = type?.startsWith('ui:') ? 'extension-page' : type?.startsWith('cs:') ? 'content-script' : null;
    if (type === undefined || expectedRole === null) {
      log.refused('unknown message type', { ...(type ? { type } : {}), role: sender.role });
      return refusal('unknown-type', 'Unknown message.');
    }
    if (expectedRole !== sender.role) {
      log.refused(`a ${sender.role} sent ${type}, which only a ${expectedRole} may send`, { type, role: sender.role });
      return refusal('refused', 'This sender may not send this message.');
    }
    if (sender.role === 'extension-page' && !pageMaySend(sender.page, type)) {
      log.refused(`the extension page ${sender.page} may not send ${type}`, { type, role: sender.role });
      return refusal('refused', 'This page may not send this message.');
    }
    const schema =
      sender.role === 'extension-page'
        ? (uiMessageSchemas as Record<string, v.GenericSchema>)[type]
        : (csMessageSchemas as Record<string, v.GenericSchema>)[type];
    const handler =
      sender.role === 'extension-page'
        ? (handlers.ui as Record<string, unknown>)[type]
        : (handlers.cs as Record<string, unknown>)[type];
    if (!schema || typeof handler !== 'function') {
      log.refused('unknown message type', { type, role: sender.role });
      return refusal('unknown-type', 'Unknown message.');
    }
    const parsed = v.safeParse(schema, message);
    if (!parsed.success) {
      // valibot reports at least one issue; an object schema's issues always name their field.
      const [issue] = parsed.issues;
      const where = issue.path?.map((item) => String(item.key)).join('.') || 'message';
      log.refused(`bad shape at ${where}: ${issue.message}`, { type, role: sender.role });
      return refusal('bad-shape', `Malformed message (${where}).`);
    }
    try {
      const value: unknown = await (handler as (m: unknown, s: SenderRole) => Promise<unknown>)(parsed.output, sender);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof HandlerError) {
        // Expected refusals (locked, conflict, wrong password…) leave a trace without any message content.
        console.info(`[otp-guard] ${type} refused: ${error.code}`);
        return refusal(error.code, error.message);
      }
      // An unexpected failure: reply with a generic error and keep the worker alive.
      console.error('[otp-guard] handler failed', type, error);
      return refusal('internal', 'Something went wrong inside OTP Guard. Nothing was changed.');
    }
  };
}
