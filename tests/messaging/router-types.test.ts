// Types end to end (checked by `tsc`, which `npm test` runs): the content script's reply types come
// from the protocol's reply map, and every error code is one of the ErrorCode union.
import { describe, expectTypeOf, it } from 'vitest';
import type { CsReply } from '../../src/content/runtime';
import type { ErrorCode } from '../../src/messaging/errors';
import type { CsReplies, ErrorReply, PageState } from '../../src/messaging/protocol';
import { HandlerError } from '../../src/messaging/router';

type Value<R> = R extends { ok: true; value: infer V } ? V : never;

describe('types end to end', () => {
  it("ask()'s reply for each content-script message is the protocol's reply type", () => {
    expectTypeOf<Value<CsReply<{ type: 'cs:hello' }>>>().toEqualTypeOf<PageState>();
    expectTypeOf<Value<CsReply<{ type: 'cs:request-code'; accountId?: string }>>>().toEqualTypeOf<CsReplies['cs:request-code']>();
    expectTypeOf<Value<CsReply<{ type: 'cs:open-popup' }>>>().toEqualTypeOf<{ opened: boolean }>();
  });

  it('an error reply and a HandlerError carry an ErrorCode, not any string', () => {
    expectTypeOf<ErrorReply['code']>().toEqualTypeOf<ErrorCode>();
    expectTypeOf<HandlerError['code']>().toEqualTypeOf<ErrorCode>();
    expectTypeOf<'locked'>().toExtend<ErrorCode>();
    expectTypeOf<'wrong-password'>().toExtend<ErrorCode>(); // a vault error passed on by a handler
    expectTypeOf<'lokced'>().not.toExtend<ErrorCode>();
    // @ts-expect-error a code outside the union does not compile
    void new HandlerError('lokced', 'typo');
  });
});
