import { describe, expect, it } from 'vitest';
import { parseBinding } from '../../../src/core/bindings/parse-binding';
import { type Account, accountFromDraft, withBindings, withDomains } from '../../../src/core/otp/account';
import { accountFromJson, accountToJson } from '../../../src/core/otp/account-json';
import oldFormat from './fixtures/account-v1-domains-only.json';
import { draft, expectOk } from './helpers';

const host = (text: string) => expectOk(parseBinding(text));
const roundTrip = (account: Account): Account => expectOk(accountFromJson(JSON.parse(JSON.stringify(accountToJson(account)))));

describe('account bindings in the vault format', () => {
  it('reads an account stored before bindings existed and migrates its domains to whole-site bindings', () => {
    expect('bindings' in oldFormat).toBe(false);
    const account = expectOk(accountFromJson(structuredClone(oldFormat)));
    expect(account.domains).toEqual(['amazon.com', 'amazon.de', 'xn--bcher-kva.de']);
    expect(account.bindings).toEqual([host('amazon.com'), host('amazon.de'), host('bücher.de')]);
    expect(accountToJson(account).otp.secret).toBe(oldFormat.otp.secret);
  });

  it('writes the migrated account with bindings and the old domains, and reads it back unchanged', () => {
    const account = expectOk(accountFromJson(structuredClone(oldFormat)));
    const json = accountToJson(account);
    expect(json.domains).toEqual(oldFormat.domains);
    expect(json.bindings).toEqual([{ host: 'amazon.com' }, { host: 'amazon.de' }, { host: 'xn--bcher-kva.de' }]);
    const { bindings: _dropped, ...withoutBindings } = json;
    // Everything an old reader used is still there, field for field.
    expect(withoutBindings).toEqual(oldFormat);
    expect(roundTrip(account)).toEqual(account);
  });

  it('keeps a host-suffix binding across a round trip, with its site in domains', () => {
    const base = accountFromDraft(draft('AWS', 'root', 'JBSWY3DPEHPK3PXP'), { id: 'aws', createdAt: 1, order: 0 });
    const aws = withBindings(base, [host('aws.amazon.com'), host('signin.aws.amazon.com')]);
    expect(aws.domains).toEqual(['amazon.com']);
    const json = accountToJson(aws);
    expect(json.bindings).toEqual([{ host: 'aws.amazon.com' }, { host: 'signin.aws.amazon.com' }]);
    expect(json.domains).toEqual(['amazon.com']);
    expect(roundTrip(aws)).toEqual(aws);
  });

  it('follows an old editor that changed only domains: removed sites lose their bindings, new sites gain one', () => {
    const base = accountFromDraft(draft('AWS', 'root', 'JBSWY3DPEHPK3PXP'), { id: 'aws', createdAt: 1, order: 0 });
    const aws = withBindings(base, [host('aws.amazon.com')]);
    // What src/background/handlers/update-account.ts does today: a spread with new domains only.
    const edited: Account = { ...aws, domains: ['amazon.com', 'example.org'] };
    expect(roundTrip(edited).bindings).toEqual([host('aws.amazon.com'), host('example.org')]);
    const removed: Account = { ...aws, domains: ['example.org'] };
    expect(roundTrip(removed).bindings).toEqual([host('example.org')]);
    expect(withDomains(aws, ['example.org']).bindings).toEqual([host('example.org')]);
  });

  it('keeps a stored domain that is no longer a valid site, without a binding (nothing dropped, nothing guessed)', () => {
    const odd = { ...structuredClone(oldFormat), domains: ['amazon.com', 'github.io'] };
    const account = expectOk(accountFromJson(odd));
    expect(account.domains).toEqual(['amazon.com', 'github.io']);
    expect(account.bindings).toEqual([host('amazon.com')]);
    expect(accountToJson(account).domains).toEqual(['amazon.com', 'github.io']);
  });

  it('a draft with no bindings gets whole-site bindings for its domains', () => {
    const withSites = { ...draft('Amazon', 'me', 'JBSWY3DPEHPK3PXP'), domains: ['amazon.com'] };
    expect(accountFromDraft(withSites, { id: 'a', createdAt: 1, order: 0 }).bindings).toEqual([host('amazon.com')]);
  });
});
