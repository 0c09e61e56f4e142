import type { BrandLike, CatalogueLike } from './brand-types';
import distinctiveness from './catalogue/distinctiveness.json';
import { type Confidence, type Evidence, type LookalikeMatch, LookalikeIndex, type NameRisk, type NameSource, type Owner, type Reason } from './detector';
import { parseTarget, type WebTarget } from './host';
import { VerdictCache } from './verdict-cache';
import { swapMarks } from './reasons';
import { confusableChars } from './skeleton';

export type { Confidence, Evidence, Reason } from './detector';

export interface AccountRule {
  accountId: string;
  /** "Amazon (me@x.com)" */
  label: string;
  /** Registrable domains where this account's codes may be used. */
  domains: string[];
}
export interface GuardRules {
  catalogue: CatalogueLike;
  accounts: AccountRule[];
  /** The user's allow-list: registrable domains. */
  trustedSites: string[];
}
export type Verdict =
  | { kind: 'verified'; target: WebTarget; brand?: { id: string; name: string; primaryDomain: string }; accountIds: string[] }
  | {
      kind: 'lookalike';
      target: WebTarget;
      imitates: Owner;
      reasons: Reason[];
      /** Positions in target.unicodeHost. */
      confusables: { index: number; char: string; looksLike: string }[];
      /**
       * How sure the detector is (src/core/domain/score.ts): `high` → the name imitates the brand on
       * its own (interstitial); `medium` → strong signs, an honest site conceivable (banner);
       * `low` → at least "not the brand's site", e.g. a TLD swap (badge caution).
       */
      confidence: Confidence;
      /** The points behind `confidence`, one entry per signal, and their sum. */
      score: number;
      evidence: Evidence[];
    }
  | {
      kind: 'unknown';
      target: WebTarget;
      trustedByUser: boolean;
      reasons?: Reason[];
      /** A brand's own service domain (CDN, API, status …): owned by it, but not where codes go. */
      brandOwned?: { id: string; name: string; primaryDomain: string };
    }
  | { kind: 'not-a-website'; reason: string }
  | { kind: 'invalid'; reason: string };

export interface Guard {
  /** Cached per scheme + host. */
  verdict(urlOrHost: string): Verdict;
  readonly protectedNameCount: number;
}

export const GUARD_CACHE_SIZE = 5000;

const registrableLabel = (domain: string): string => domain.split('.')[0] ?? domain;

function hostMatches(host: string, suffix: string): boolean {
  return host === suffix || host.endsWith(`.${suffix}`);
}

/** Builds the lookalike index once and answers "is this page the real site?" for any URL or host. */
/** Inputs longer than this (long URLs with query strings) are parsed each time rather than cached whole. */
const MAX_CACHED_INPUT = 2048;

export function createGuard(rules: GuardRules): Guard {
  const brandByDomain = new Map<string, BrandLike>();
  const brandByTld = new Map<string, BrandLike>();
  const brandByServiceDomain = new Map<string, BrandLike>();
  const sources: NameSource[] = [];
  for (const brand of rules.catalogue.brands) {
    for (const d of brand.domains) if (!brandByDomain.has(d)) brandByDomain.set(d, brand);
    for (const t of brand.brandTlds ?? []) brandByTld.set(t, brand);
    for (const d of brand.serviceDomains ?? []) if (!brandByServiceDomain.has(d)) brandByServiceDomain.set(d, brand);
    const owner: Owner = { type: 'brand', id: brand.id, name: brand.name, primaryDomain: brand.primaryDomain };
    // Brand TLDs ("windows", "chrome", "prime") are indexed as weak names: ordinary words, not what a lookalike is named after.
    sources.push({ owner, names: [...brand.labels], weakNames: brand.brandTlds ?? [], domains: [...brand.domains, ...(brand.serviceDomains ?? [])] });
  }
  const accountsByDomain = new Map<string, string[]>();
  for (const account of rules.accounts) {
    for (const d of account.domains) {
      const list = accountsByDomain.get(d) ?? [];
      list.push(account.accountId);
      accountsByDomain.set(d, list);
    }
    const primaryDomain = account.domains[0] ?? '';
    const owner: Owner = { type: 'account', id: account.accountId, name: account.label, primaryDomain };
    // An account's own domains are protected names unless a catalogue brand already covers them.
    const names = account.domains.filter((d) => !brandByDomain.has(d)).map(registrableLabel);
    if (names.length > 0) sources.push({ owner, names, domains: account.domains });
  }
  const trusted = new Set(rules.trustedSites);
  const index = new LookalikeIndex(sources, (distinctiveness as { counts: Record<string, NameRisk> }).counts);
  const cache = new VerdictCache<Verdict>(GUARD_CACHE_SIZE);
  const inputCache = new VerdictCache<Verdict>(GUARD_CACHE_SIZE);

  /**
   * A catalogue domain psl does not see as registrable ("amazon.com.be": the list has no com.be, so
   * psl answers com.be): match the host's own tails above the registrable domain too.
   */
  function brandAtOrAbove(host: string, reg: string): BrandLike | undefined {
    for (let end = host.length - reg.length - 1; end > 0; ) {
      const dot = host.lastIndexOf('.', end - 1);
      const found = brandByDomain.get(host.slice(dot + 1));
      if (found) return found;
      if (dot === -1) break;
      end = dot;
    }
    return undefined;
  }

  function decide(target: WebTarget): Verdict {
    const reg = target.registrableDomain;
    const brand = brandByDomain.get(reg) ?? brandByTld.get(target.publicSuffix) ?? brandAtOrAbove(target.asciiHost, reg);
    const accountIds = accountsByDomain.get(reg) ?? [];
    if (brand || accountIds.length > 0) {
      const publicContent = brand?.publicContentHosts?.some((h) => hostMatches(target.asciiHost, h)) ?? false;
      if (target.scheme === 'http') {
        return { kind: 'unknown', target, trustedByUser: false, reasons: [{ code: 'insecure' }] };
      }
      if (publicContent) {
        return { kind: 'unknown', target, trustedByUser: false, reasons: [{ code: 'public-content' }] };
      }
      return {
        kind: 'verified',
        target,
        ...(brand ? { brand: { id: brand.id, name: brand.name, primaryDomain: brand.primaryDomain } } : {}),
        accountIds,
      };
    }
    const match: LookalikeMatch | undefined = index.detect(target);
    const serviceOwner = brandByServiceDomain.get(reg);
    if (serviceOwner && (!match || match.owner.id === serviceOwner.id || target.asciiHost === reg || target.asciiHost === `www.${reg}`)) {
      const owned = { id: serviceOwner.id, name: serviceOwner.name, primaryDomain: serviceOwner.primaryDomain };
      const reasons: Reason[] = [{ code: 'brand-owned', owner: serviceOwner.name }];
      return { kind: 'unknown', target, trustedByUser: trusted.has(reg), reasons, brandOwned: owned };
    }
    if (match) {
      if (trusted.has(reg)) return { kind: 'unknown', target, trustedByUser: true, reasons: match.reasons };
      const { confidence, score, evidence } = match;
      return { kind: 'lookalike', target, imitates: match.owner, reasons: match.reasons, confusables: [...confusableChars(target.unicodeHost), ...swapMarks(match.reasons, target.unicodeHost, target.unicodeRegistrableDomain)], confidence, score, evidence };
    }
    return { kind: 'unknown', target, trustedByUser: trusted.has(reg) };
  }

  return {
    protectedNameCount: index.nameCount,
    verdict(urlOrHost: string): Verdict {
      // The same URL comes back often (badge, popup, each frame's hello): skip even the parsing then.
      const seen = urlOrHost.length <= MAX_CACHED_INPUT ? inputCache.get(urlOrHost) : undefined;
      if (seen) return seen;
      const result = verdictOfInput(urlOrHost);
      if (urlOrHost.length <= MAX_CACHED_INPUT) inputCache.set(urlOrHost, result);
      return result;
    },
  };

  function verdictOfInput(urlOrHost: string): Verdict {
    const parsed = parseTarget(urlOrHost);
    if (!parsed.ok) return { kind: 'invalid', reason: parsed.error.message };
    const target = parsed.value;
    if (target.kind === 'not-a-website') return { kind: 'not-a-website', reason: target.reason };
    // An https host is its own key: for a bare host that is the input string itself, whose hash V8 already keeps.
    const key = target.scheme === 'https' ? target.asciiHost : `http:${target.asciiHost}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const result = decide(target);
    cache.set(key, result);
    return result;
  }
}
