import { describe, expect, it } from 'vitest';
import { draftsFromQrTexts } from '../../src/background/handlers/qr-texts';
import { MigrationPayloadType as Payload } from '../core/otp/import/migration-schema';
import { totpLink } from './fakes';

/** A Google Authenticator export QR (one batch of `issuers`, TOTP, SHA1, 6 digits). */
function migrationQr(issuers: string[], batch = { batchSize: 1, batchIndex: 0, batchId: 77 }, scheme = 'otpauth-migration'): string {
  const secret = new TextEncoder().encode('12345678901234567890');
  const otpParameters = issuers.map((issuer) => ({ secret, name: `me@${issuer}.example`, issuer, algorithm: 1, digits: 1, type: 2 }));
  const bytes = Payload.encode(Payload.create({ otpParameters, version: 1, ...batch })).finish();
  return `${scheme}://offline?data=${encodeURIComponent(Buffer.from(bytes).toString('base64'))}`;
}

describe('draftsFromQrTexts (what the QR codes of an image or a tab hold)', () => {
  it('reads otpauth links, whatever the case of the scheme', () => {
    const { drafts, errors, unsupported } = draftsFromQrTexts([totpLink('GitHub'), totpLink('GitLab').replace('otpauth:', 'OTPAUTH:')]);
    expect(drafts.map((draft) => draft.issuer)).toEqual(['GitHub', 'GitLab']);
    expect(errors).toEqual([]);
    expect(unsupported).toEqual([]);
  });

  it('names a bad otpauth link and a QR code that is no setup code, and keeps the good ones', () => {
    const { drafts, errors } = draftsFromQrTexts(['https://example.com/menu', 'otpauth://totp/X?secret=!!', totpLink('GitHub')]);
    expect(drafts.map((draft) => draft.issuer)).toEqual(['GitHub']);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toBe('A QR code on it is not a one-time-code setup code.');
    expect(errors[1]).toMatch(/^QR code: ./);
  });

  it('reads the accounts of Google Authenticator export codes, after the links', () => {
    const { drafts, errors } = draftsFromQrTexts([migrationQr(['Amazon', 'Bank']), totpLink('GitHub')]);
    expect(errors).toEqual([]);
    expect(drafts.map((draft) => draft.issuer)).toEqual(['GitHub', 'Amazon', 'Bank']);
  });

  it('reads an export code whatever the case of its scheme', () => {
    const { drafts, errors } = draftsFromQrTexts([migrationQr(['Amazon'], undefined, 'OTPAUTH-MIGRATION')]);
    expect(errors).toEqual([]);
    expect(drafts.map((draft) => draft.issuer)).toEqual(['Amazon']);
  });

  it('names a damaged export code, without inventing accounts', () => {
    const { drafts, errors } = draftsFromQrTexts(['otpauth-migration://offline?data=%%%']);
    expect(drafts).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.length).toBeGreaterThan(0);
  });

  it('a code that only contains a setup link somewhere is not a setup code', () => {
    const { drafts, errors } = draftsFromQrTexts([`see ${totpLink('GitHub')}`, `see ${migrationQr(['Amazon'])}`]);
    expect(drafts).toEqual([]);
    expect(errors).toEqual(['A QR code on it is not a one-time-code setup code.', 'A QR code on it is not a one-time-code setup code.']);
  });

  it('reads an export spread over two QR codes (one batch)', () => {
    const first = migrationQr(['Amazon'], { batchSize: 2, batchIndex: 0, batchId: 9 });
    const second = migrationQr(['Bank'], { batchSize: 2, batchIndex: 1, batchId: 9 });
    const { drafts, errors } = draftsFromQrTexts([first, second]);
    expect(errors).toEqual([]);
    expect(drafts.map((draft) => draft.issuer)).toEqual(['Amazon', 'Bank']);
  });

  it('nothing in, nothing out', () => {
    expect(draftsFromQrTexts([])).toEqual({ drafts: [], errors: [], unsupported: [] });
  });
});
