/**
 * An in-memory BackgroundClient for tests and previews: answers each ui:* message with the handler given for its
 * type and records every message sent. A message without a handler fails like the background would.
 */
import type { UiMessage, UiMessageType, UiReplies } from '../messaging/protocol';
import { type BackgroundClient, BackgroundError } from './client';

export type MockHandlers = Partial<{
  [T in UiMessageType]: (message: UiMessage<T>) => UiReplies[T] | Promise<UiReplies[T]>;
}>;

export interface MockClient extends BackgroundClient {
  /** Every message sent, in order. */
  readonly calls: UiMessage[];
  /** The messages of one type, in order. */
  callsOf<T extends UiMessageType>(type: T): UiMessage<T>[];
  /** Replaces or adds handlers (e.g. to change a reply between two steps of a test). */
  setHandlers(more: MockHandlers): void;
}

export function createMockClient(handlers: MockHandlers): MockClient {
  const current: MockHandlers = { ...handlers };
  const calls: UiMessage[] = [];
  return {
    calls,
    callsOf<T extends UiMessageType>(type: T) {
      return calls.filter((call): call is UiMessage<T> => call.type === type);
    },
    setHandlers(more) {
      Object.assign(current, more);
    },
    async send<M extends UiMessage>(message: M): Promise<UiReplies[M['type']]> {
      calls.push(message);
      const handler = current[message.type] as
        | ((m: M) => UiReplies[M['type']] | Promise<UiReplies[M['type']]>)
        | undefined;
      if (!handler) throw new BackgroundError('not-handled', `No handler for ${message.type}.`);
      return handler(message);
    },
  };
}
