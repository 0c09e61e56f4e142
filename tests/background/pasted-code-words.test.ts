import { describe, expect, it } from 'vitest';
import { heldText } from '../../src/background/handlers/pasted-code';
import { type CodeDestination, originBoundCodeMayGo } from '../../src/core/sms/may-go';
import { parseOriginBoundMessage } from '../../src/core/sms/origin-bound';

const parse = (text: string) => {
  const parsed = parseOriginBoundMessage(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
};

describe('a held paste says why in the locale words, the same English as the core', () => {
  const plain = parse('Your code is 123456\n\n@bank.example #123456');
  const framed = parse('Your code is 123456\n\n@bank.example #123456 %pay.example');
  const cases: [ReturnType<typeof parse>, CodeDestination][] = [
    [plain, { topRegistrableDomain: 'bank.example', allHttps: false }],
    [plain, { topRegistrableDomain: null, allHttps: true }],
    [plain, { topRegistrableDomain: 'bank.example', frameRegistrableDomain: null, allHttps: true }],
    [plain, { topRegistrableDomain: 'other.example', allHttps: true }],
    [framed, { topRegistrableDomain: 'bank.example', allHttps: true }],
    [plain, { topRegistrableDomain: 'bank.example', frameRegistrableDomain: 'pay.example', allHttps: true }],
    [framed, { topRegistrableDomain: 'bank.example', frameRegistrableDomain: 'ads.example', allHttps: true }],
    [framed, { topRegistrableDomain: 'bank.example', frameRegistrableDomain: 'pay.example', ancestorRegistrableDomains: ['ads.example'], allHttps: true }],
  ];
  it.each(cases.map((c, i) => [i, ...c] as const))('case %i', (_, code, destination) => {
    const decision = originBoundCodeMayGo(code, destination);
    if (decision.allowed) throw new Error('expected a hold');
    expect(heldText(decision.reason, code, destination)).toBe(decision.message);
  });
});
