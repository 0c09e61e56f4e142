/**
 * The warning and confirmation pages' way to the background: send a ui:* message, get the value or a
 * typed error. Views get a UiClient and never touch browser.*; the popup's BackgroundClient is one too.
 */
import type { Reply, UiMessage, UiReplies } from '../messaging/protocol';

export interface UiClient {
  send<M extends UiMessage>(message: M): Promise<UiReplies[M['type']]>;
}

export class UiClientError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UiClientError';
  }
}

/** Wraps the shell's runtime.sendMessage; a missing or failed reply is an error, never a value. */
export function createUiClient(sendMessage: (message: unknown) => Promise<unknown>): UiClient {
  return {
    async send<M extends UiMessage>(message: M): Promise<UiReplies[M['type']]> {
      const reply = (await sendMessage(message).catch(() => undefined)) as Reply<UiReplies[M['type']]> | undefined;
      if (!reply) throw new UiClientError('no-reply', 'OTP Guard did not answer.');
      if (!reply.ok) throw new UiClientError(reply.error.code, reply.error.message);
      return reply.value;
    },
  };
}
