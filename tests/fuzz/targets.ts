/**
 * What each fuzz target checks: the parser never throws, every rejection has a code and a
 * message, and every account it accepts can produce a code (nothing half-valid gets through).
 */
import fc from 'fast-check';
import { decodeBase32 } from '../../src/core/otp/base32';
import { generateCode } from '../../src/core/otp/codes';
import { parseAegis } from '../../src/core/otp/import/aegis';
import { parseAndOtp } from '../../src/core/otp/import/andotp';
import { parseAuthenticatorExtension } from '../../src/core/otp/import/authenticator-extension';
import { parseBitwarden } from '../../src/core/otp/import/bitwarden';
import { detectAndParseImport } from '../../src/core/otp/import/detect';
import { parseGoogleMigration } from '../../src/core/otp/import/google-migration';
import { parseOtpauthListImport } from '../../src/core/otp/import/otpauth-list';
import { parseTwoFas } from '../../src/core/otp/import/twofas';
import type { ImportResult } from '../../src/core/otp/import/types';
import { parseOtpauthUri } from '../../src/core/otp/otpauth';
import { parseBinding } from '../../src/core/bindings/parse-binding';
import { builtInCatalogue } from '../../src/core/domain/catalogue/catalogue';
import { createGuard } from '../../src/core/domain/guard';
import type { CryptoPort } from '../../src/core/ports';
import { originBoundCodeMayGo } from '../../src/core/sms/may-go';
import { parseOriginBoundMessage } from '../../src/core/sms/origin-bound';
import { parsePastedCode } from '../../src/core/sms/pasted-code';
import type { BoundCode } from '../../src/core/sms/types';
import type { Result } from '../../src/core/result';
import {
  aegisText,
  andOtpText,
  anyImportInput,
  authenticatorExtensionText,
  base32ish,
  bitwardenText,
  googleMigrationText,
  otpauthText,
  otpauthUri,
  twoFasText,
} from './arbitraries';
import { bindingText, originBoundText, pastedText } from './bound-code-arbitraries';
import { anyAddress } from './domain-arbitraries';

export interface Tally {
  runs: number;
  ok: number;
  errors: Map<string, number>;
}

export const newTally = (): Tally => ({ runs: 0, ok: 0, errors: new Map() });

class FuzzViolation extends Error {}

function record<T>(tally: Tally, result: Result<T, { code?: unknown; message?: unknown }>): void {
  tally.runs++;
  if (result.ok) {
    tally.ok++;
    return;
  }
  const { code, message } = result.error;
  if (typeof code !== 'string' || code === '') throw new FuzzViolation(`error without a code: ${JSON.stringify(result.error)}`);
  if (typeof message !== 'string' || message.trim() === '') throw new FuzzViolation(`error without a message: ${code}`);
  tally.errors.set(code, (tally.errors.get(code) ?? 0) + 1);
}

function checkImport(result: Result<ImportResult, { code?: unknown; message?: unknown }>): void {
  if (!result.ok) return;
  for (const draft of result.value.accounts) {
    const code = generateCode(draft.otp, { epochMs: 1_700_000_000_000 });
    if (!code.ok) throw new FuzzViolation(`imported an account that cannot produce a code: ${code.error.message}`);
  }
  for (const entry of result.value.unsupported) {
    if (entry.reason.trim() === '') throw new FuzzViolation(`unsupported entry without a reason: ${entry.name}`);
  }
}

export interface FuzzTarget {
  name: string;
  property: (tally: Tally) => fc.IProperty<[unknown]> | fc.IAsyncProperty<[unknown]>;
}

function syncTarget(name: string, arbitrary: fc.Arbitrary<string>, parse: (text: string) => Result<ImportResult, object>): FuzzTarget {
  return {
    name,
    property: (tally) =>
      fc.property(arbitrary as fc.Arbitrary<unknown>, (text) => {
        const result = parse(text as string) as Result<ImportResult, { code?: unknown; message?: unknown }>;
        record(tally, result);
        checkImport(result);
      }),
  };
}

/** An accepted code is a plain code, its sites are ASCII registrable domains, and it may go only to its own site. */
function checkBoundCode(result: Result<BoundCode, object>, text: string): void {
  if (!result.ok) return;
  const { code, host, site, embedded } = result.value;
  if (!/^[A-Za-z0-9-]{1,32}$/.test(code) || !text.includes(code)) throw new FuzzViolation(`accepted a bad code ${JSON.stringify(code)}`);
  for (const [h, s] of [[host, site], [embedded?.host ?? site, embedded?.site ?? site]]) {
    if (!/^[a-z0-9.-]+$/.test(h ?? '') || !(h === s || h?.endsWith(`.${s}`))) throw new FuzzViolation(`accepted a bad host ${h} / ${s}`);
  }
  const elsewhere = originBoundCodeMayGo(result.value, { topRegistrableDomain: `not-${site}`, allHttps: true });
  if (elsewhere.allowed || !elsewhere.message.includes('not this site')) throw new FuzzViolation(`code for ${site} allowed elsewhere`);
}

export function boundCodeTargets(): FuzzTarget[] {
  return [
    {
      name: 'origin-bound-sms',
      property: (tally) =>
        fc.property(originBoundText as fc.Arbitrary<unknown>, (text) => {
          const result = parseOriginBoundMessage(text as string);
          record(tally, result);
          checkBoundCode(result, text as string);
        }),
    },
    {
      name: 'pasted-code',
      property: (tally) =>
        fc.property(pastedText as fc.Arbitrary<unknown>, (text) => {
          const result = parsePastedCode(text as string);
          record(tally, result);
          checkBoundCode(result, text as string);
        }),
    },
    {
      name: 'binding',
      property: (tally) =>
        fc.property(bindingText as fc.Arbitrary<unknown>, (text) => {
          const result = parseBinding(text as string);
          record(tally, result);
          if (!result.ok) return;
          const { host, site } = result.value;
          if (!/^[a-z0-9.-]+$/.test(host) || !(host === site || host.endsWith(`.${site}`))) throw new FuzzViolation(`accepted binding ${host} on ${site}`);
        }),
    },
  ];
}

const VERDICT_KINDS = new Set(['verified', 'lookalike', 'unknown', 'not-a-website', 'invalid']);

/** The domain verdict: never throws, always a known kind; a lookalike always has an owner, reasons and a confidence. */
function domainVerdictTarget(): FuzzTarget {
  const guard = createGuard({ catalogue: builtInCatalogue, accounts: [{ accountId: 'a1', label: 'mybank', domains: ['mybank.example'] }], trustedSites: [] });
  return {
    name: 'domain-verdict',
    property: (tally) =>
      fc.property(anyAddress as fc.Arbitrary<unknown>, (input) => {
        tally.runs++;
        const v = guard.verdict(input as string);
        if (!VERDICT_KINDS.has(v.kind)) throw new FuzzViolation(`unknown verdict kind ${String(v.kind)}`);
        if (v.kind === 'lookalike' && (!v.imitates.id || v.reasons.length === 0 || !['high', 'medium', 'low'].includes(v.confidence))) {
          throw new FuzzViolation(`incomplete lookalike verdict for ${JSON.stringify(input)}`);
        }
        if (v.kind === 'invalid' || v.kind === 'not-a-website') {
          if (typeof v.reason !== 'string' || v.reason === '') throw new FuzzViolation(`${v.kind} without a reason`);
          tally.errors.set(v.kind, (tally.errors.get(v.kind) ?? 0) + 1);
        } else tally.ok++;
      }),
  };
}

export function fuzzTargets(crypto: CryptoPort): FuzzTarget[] {
  return [
    ...boundCodeTargets(),
    domainVerdictTarget(),
    {
      name: 'base32',
      property: (tally) =>
        fc.property(fc.oneof(base32ish, fc.string({ maxLength: 60 })) as fc.Arbitrary<unknown>, (text) => {
          record(tally, decodeBase32(text as string));
        }),
    },
    {
      name: 'otpauth',
      property: (tally) =>
        fc.property(otpauthUri as fc.Arbitrary<unknown>, (text) => {
          const result = parseOtpauthUri(text as string);
          record(tally, result);
          if (result.ok && !generateCode(result.value.otp, { epochMs: 0 }).ok) {
            throw new FuzzViolation(`accepted a link that cannot produce a code: ${String(text)}`);
          }
        }),
    },
    syncTarget('otpauth-list', otpauthText, parseOtpauthListImport),
    syncTarget('google-migration', googleMigrationText, parseGoogleMigration),
    {
      name: 'aegis',
      property: (tally) =>
        fc.asyncProperty(aegisText as fc.Arbitrary<unknown>, async (text) => {
          const result = await parseAegis(text as string, { password: 'pw', crypto });
          record(tally, result);
          checkImport(result);
        }),
    },
    syncTarget('2fas', twoFasText, parseTwoFas),
    syncTarget('andotp', andOtpText, parseAndOtp),
    syncTarget('bitwarden', bitwardenText, parseBitwarden),
    syncTarget('authenticator-extension', authenticatorExtensionText, parseAuthenticatorExtension),
    {
      name: 'detect',
      property: (tally) =>
        fc.asyncProperty(anyImportInput as fc.Arbitrary<unknown>, async (input) => {
          const result = await detectAndParseImport(input as { text?: string; bytes?: Uint8Array }, { crypto });
          record(tally, result);
          checkImport(result);
        }),
    },
  ];
}
