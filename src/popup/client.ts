/**
 * The popup's only way to the background. Views get a BackgroundClient and never touch browser.*;
 * tests pass a mock (client-mock.ts).
 */
import type { ErrorCode } from '../messaging/errors';
import type { Reply, UiMessage, UiReplies } from '../messaging/protocol';

export class BackgroundError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BackgroundError';
  }
}

export interface BackgroundClient {
  /** Messages name no tab: the background asks the browser which page is in front. */
  send<M extends UiMessage>(message: M): Promise<UiReplies[M['type']]>;
}

export function unwrapReply<T>(reply: Reply<T> | undefined): T {
  if (!reply) throw new BackgroundError('no-reply', 'OTP Guard did not answer. Try again.');
  if (!reply.ok) throw new BackgroundError(reply.error.code, reply.error.message);
  return reply.value;
}
