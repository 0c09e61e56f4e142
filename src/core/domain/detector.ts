import { editDistance, typoKind } from './distance';
import type { WebTarget } from './host';
import { COMBO_KEYWORDS, COMMON_WORDS, SHARED_PLATFORM_SUFFIXES, TLD_WORDS } from './keywords';
import { fold, isMixedScript, isWholeScriptConfusable } from './skeleton';

export interface Owner {
  type: 'brand' | 'account';
  id: string;
  name: string;
  primaryDomain: string;
}
export interface Reason {
  code: string;
  text: string;
}
export interface LookalikeMatch {
  owner: Owner;
  reasons: Reason[];
}
interface ProtectedName {
  /** Folded form (skeleton + ASCII tricks). */
  key: string;
  raw: string;
  owner: Owner;
  /** Short or dictionary-word names need more evidence than their mere presence. */
  weak: boolean;
}
export interface NameSource {
  owner: Owner;
  names: string[];
  /** Registrable domains the owner holds (target embedding looks for them inside other hosts). */
  domains: string[];
}

/** Brands hold their name on country and classic suffixes; a swap to any other suffix is suspect. */
const CLASSIC_SUFFIXES = new Set(['com', 'net', 'org', 'info', 'biz', 'us', 'eu', 'asia', 'news', 'media', 'dev', 'app', 'io']);
function isSwapSuffix(suffix: string): boolean {
  const last = suffix.split('.').pop() ?? suffix;
  return last.length > 2 && !CLASSIC_SUFFIXES.has(suffix);
}

/** Edit distance allowed for a name of this length: none up to 4 letters, 1 up to 7, then 2. */
export const allowedDistance = (length: number): number => (length <= 4 ? 0 : length <= 7 ? 1 : 2);

function deletions(s: string, depth: number, out: Set<string>): void {
  if (depth === 0) return;
  for (let i = 0; i < s.length; i++) {
    const d = s.slice(0, i) + s.slice(i + 1);
    if (!out.has(d)) {
      out.add(d);
      deletions(d, depth - 1, out);
    }
  }
}

interface TrieNode {
  next: Map<string, TrieNode>;
  names: ProtectedName[];
}
const FOLDED_KEYWORDS = new Set([...COMBO_KEYWORDS].map((k) => fold(k)));
const FOLDED_TLD_WORDS = new Set([...TLD_WORDS].map((k) => fold(k)));

const newNode = (): TrieNode => ({ next: new Map(), names: [] });

const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/**
 * The lookalike index: every protected name is indexed once (exact folded form, symmetric-delete
 * variants, a trie for embedded names, owned domains for target embedding), so one check costs
 * a few hash look-ups per label instead of a pass over every brand.
 */
export class LookalikeIndex {
  private readonly exact = new Map<string, ProtectedName[]>();
  private readonly deletes = new Map<string, ProtectedName[]>();
  private readonly trie = newNode();
  private readonly ownedDomains = new Map<string, Owner>();
  readonly nameCount: number;

  constructor(sources: readonly NameSource[]) {
    let count = 0;
    for (const source of sources) {
      for (const domain of source.domains) if (!this.ownedDomains.has(domain)) this.ownedDomains.set(domain, source.owner);
      const seen = new Set<string>();
      for (const raw of source.names) {
        const key = fold(raw.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''));
        if (key.length < 2 || seen.has(key)) continue;
        seen.add(key);
        count++;
        const entry: ProtectedName = { key, raw, owner: source.owner, weak: key.length <= 4 || COMMON_WORDS.has(raw) };
        push(this.exact, key, entry);
        const depth = allowedDistance(key.length);
        if (depth > 0) {
          const variants = new Set<string>();
          deletions(key, depth, variants);
          for (const v of variants) push(this.deletes, v, entry);
        }
        let node = this.trie;
        for (const ch of key) {
          let next = node.next.get(ch);
          if (!next) {
            next = newNode();
            node.next.set(ch, next);
          }
          node = next;
        }
        node.names.push(entry);
      }
    }
    this.nameCount = count;
  }

  isProtectedKey(key: string): boolean {
    return this.exact.has(key);
  }

  private exactName(key: string): ProtectedName | undefined {
    return this.exact.get(key)?.[0];
  }

  /** Nearest protected name within the distance its length allows (typos of distinctive names only). */
  private nearName(key: string): { name: ProtectedName; distance: number } | undefined {
    if (key.length < 5 || this.exact.has(key)) return undefined;
    const probes = new Set<string>([key]);
    deletions(key, 2, probes);
    let best: { name: ProtectedName; distance: number } | undefined;
    for (const probe of probes) {
      for (const name of [...(this.exact.get(probe) ?? []), ...(this.deletes.get(probe) ?? [])]) {
        const max = allowedDistance(name.key.length);
        if (max === 0 || name.weak || Math.abs(name.key.length - key.length) > max) continue;
        const d = editDistance(key, name.key, max);
        if (d >= 1 && d <= max && (!best || d < best.distance)) best = { name, distance: d };
      }
    }
    return best;
  }

  /** Protected names found inside `key` (longest first), via the trie. */
  private embedded(key: string): { name: ProtectedName; start: number }[] {
    const found: { name: ProtectedName; start: number }[] = [];
    for (let start = 0; start < key.length; start++) {
      let node: TrieNode | undefined = this.trie;
      for (let i = start; i < key.length && node; i++) {
        node = node.next.get(key[i] ?? '');
        if (node && node.names.length > 0) for (const name of node.names) found.push({ name, start });
      }
    }
    return found.sort((a, b) => b.name.key.length - a.name.key.length);
  }

  /** Registrable domains held by someone else and written inside this host (amazon.com.x.top, amazon-co-uk.x). */
  private embeddedOwnedDomain(tokens: string[], registrable: string): Owner | undefined {
    for (let i = 0; i < tokens.length; i++) {
      for (let len = 2; len <= 4 && i + len <= tokens.length; len++) {
        const candidate = tokens.slice(i, i + len).join('.');
        if (candidate === registrable) continue;
        const owner = this.ownedDomains.get(candidate);
        if (owner) return owner;
      }
    }
    return undefined;
  }

  detect(target: WebTarget): LookalikeMatch | undefined {
    const suffixLabels = target.publicSuffix.split('.').length;
    const asciiLabels = target.asciiHost.split('.');
    const unicodeLabels = target.unicodeHost.split('.');
    const regIndex = asciiLabels.length - suffixLabels - 1;
    const regAscii = asciiLabels[regIndex] ?? '';
    const regUnicode = unicodeLabels[regIndex] ?? regAscii;
    const subUnicode = unicodeLabels.slice(0, Math.max(0, regIndex));
    const platform =
      SHARED_PLATFORM_SUFFIXES.has(target.publicSuffix) || SHARED_PLATFORM_SUFFIXES.has(target.registrableDomain);

    // 1. Homoglyphs (Unicode confusables) and ASCII tricks in the registrable name.
    const regKey = fold(regUnicode.replace(/-/g, ''));
    const isUnicode = regUnicode !== regAscii;
    const scriptReasons: Reason[] = [];
    if (isUnicode && isMixedScript(regUnicode)) scriptReasons.push({ code: 'mixed-script', text: 'The name mixes letters from different alphabets.' });
    if (isUnicode && isWholeScriptConfusable(regUnicode)) scriptReasons.push({ code: 'whole-script', text: 'The name is written in another alphabet whose letters look Latin.' });
    const exact = this.exactName(regKey);
    if (exact) {
      const rawSame = regUnicode === exact.raw;
      if (isUnicode) return this.match(exact, { code: 'homoglyph', text: `The name uses look-alike characters to imitate "${exact.raw}".` }, ...scriptReasons);
      if (!rawSame && !regUnicode.includes('-')) return this.match(exact, { code: 'homoglyph', text: `The name swaps letters for look-alikes (like rn for m, 0 for o) to imitate "${exact.raw}".` });
      if (regUnicode.includes('-')) return this.match(exact, { code: 'hyphenation', text: `The name is "${exact.raw}" split with hyphens.` });
      if (!platform && isSwapSuffix(target.publicSuffix)) return this.match(exact, { code: 'tld-swap', text: `"${exact.raw}" on a domain ending the brand does not use (.${target.publicSuffix}).` });
      if (platform) return this.match(exact, { code: 'free-hosting', text: `A site named "${exact.raw}" on a shared hosting platform (${target.publicSuffix}).` });
    }
    if (isUnicode && scriptReasons.length > 0) {
      const near = this.nearName(regKey);
      if (near) return this.match(near.name, { code: 'homoglyph', text: `The name uses look-alike characters close to "${near.name.raw}".` }, ...scriptReasons);
    }

    // 2. Typos of a distinctive name.
    const near = this.nearName(regKey);
    if (near) {
      return this.match(near.name, { code: 'edit-distance', text: `The name differs from "${near.name.raw}" by ${typoKind(regKey, near.name.key)}.` });
    }

    // 3. Another owner's registrable domain written inside this host.
    const hostTokens = unicodeLabels.slice(0, regIndex + 1).join('.').split(/[.\-_]+/).filter(Boolean);
    const embeddedOwner = this.embeddedOwnedDomain(hostTokens, target.unicodeRegistrableDomain);
    if (embeddedOwner) {
      return { owner: embeddedOwner, reasons: [{ code: 'target-embedding', text: `The address contains the real site's name (${embeddedOwner.primaryDomain}) but belongs to another domain.` }] };
    }

    // 4. Brand plus words in the registrable name (combosquatting, TLD-in-name).
    const regTokens = regUnicode.split(/[-_]+/).filter(Boolean);
    const allTokens = unicodeLabels.slice(0, regIndex + 1).flatMap((l) => l.split(/[-_]+/)).filter(Boolean);
    const hasKeyword = allTokens.some((t) => COMBO_KEYWORDS.has(t) || COMBO_KEYWORDS.has(t.replace(/\d+$/, '')));
    const comboHit = this.tokenMatch(regTokens, hasKeyword, platform);
    if (comboHit) return this.match(comboHit.name, comboHit.reason);
    const embedHit = this.embeddedMatch(regKey, platform);
    if (embedHit) return this.match(embedHit.name, embedHit.reason);

    // 5. Subdomains: split names (am.azon.com) and brand tokens in front of an unrelated domain.
    if (subUnicode.length > 0) {
      const labelsToReg = unicodeLabels.slice(0, regIndex + 1);
      for (let i = 0; i < labelsToReg.length - 1; i++) {
        for (let j = i + 2; j <= Math.min(labelsToReg.length, i + 3); j++) {
          const joined = this.exactName(fold(labelsToReg.slice(i, j).join('').replace(/-/g, '')));
          if (joined) return this.match(joined, { code: 'subdomain-split', text: `"${joined.raw}" is split across the parts of the address.` });
        }
      }
      for (const label of subUnicode) {
        const joined = label.includes('-') ? this.exactName(fold(label.replace(/-/g, ''))) : undefined;
        if (joined && !joined.weak) return this.match(joined, { code: 'hyphenation', text: `"${joined.raw}" split with hyphens in front of an unrelated domain.` });
      }
      const subTokens = subUnicode.flatMap((l) => l.split(/[-_]+/)).filter(Boolean);
      for (const token of subTokens) {
        const key = fold(token);
        const name = this.exactName(key) ?? this.nearName(key)?.name;
        if (name && (!name.weak || hasKeyword || platform)) {
          return this.match(name, { code: 'combosquatting', text: `"${name.raw}" appears in front of an unrelated domain (${target.registrableDomain}).` });
        }
      }
      for (const label of subUnicode) {
        const hit = this.embeddedMatch(fold(label.replace(/-/g, '')), platform, true);
        if (hit) return this.match(hit.name, { code: 'combosquatting', text: `"${hit.name.raw}" appears in front of an unrelated domain (${target.registrableDomain}).` });
      }
    }
    return undefined;
  }

  private tokenMatch(tokens: string[], hasKeyword: boolean, platform: boolean): { name: ProtectedName; reason: Reason } | undefined {
    if (tokens.length < 2 && !platform) return undefined;
    for (let i = 0; i < tokens.length; i++) {
      // A brand may itself span tokens ("wells-fargo"): try one to three tokens.
      for (let len = 1; len <= 3 && i + len <= tokens.length; len++) {
        const key = fold(tokens.slice(i, i + len).join(''));
        const exact = this.exactName(key);
        const near = exact ? undefined : this.nearName(key);
        const name = exact ?? near?.name;
        if (!name) continue;
        const rest = [...tokens.slice(0, i), ...tokens.slice(i + len)];
        if (rest.length > 0 && rest.every((t) => /^\d+$/.test(t))) return { name, reason: { code: 'combosquatting', text: `"${name.raw}" followed by numbers.` } };
        const tldInName = rest.length > 0 && rest.every((t) => TLD_WORDS.has(t));
        if (tldInName) return { name, reason: { code: 'tld-in-name', text: `The name spells out the brand's address ("${tokens.join('-')}").` } };
        if (platform) return { name, reason: { code: 'free-hosting', text: `"${name.raw}" in a site name on a shared hosting platform.` } };
        if (rest.length === 0) continue;
        if (hasKeyword || rest.some((t) => TLD_WORDS.has(t))) {
          return { name, reason: { code: 'combosquatting', text: `"${name.raw}" combined with other words${hasKeyword ? ' such as login or verify' : ''}.` } };
        }
      }
    }
    return undefined;
  }

  private embeddedMatch(key: string, platform: boolean, inSubdomain = false): { name: ProtectedName; reason: Reason } | undefined {
    for (const { name, start } of this.embedded(key)) {
      if (name.key === key) continue;
      const before = key.slice(0, start);
      const after = key.slice(start + name.key.length);
      const restIsSignal = [before, after].some((part) => part.length > 0 && (this.startsOrEndsWithKeyword(part) || FOLDED_TLD_WORDS.has(part)));
      const strong = !name.weak && name.key.length >= 6;
      if (!name.weak && before === '' && /^[\dlos]+$/.test(after) && /\d/.test(key)) {
        return { name, reason: { code: 'combosquatting', text: `"${name.raw}" followed by numbers.` } };
      }
      if (platform && (strong || restIsSignal || !name.weak)) {
        return { name, reason: { code: 'free-hosting', text: `"${name.raw}" in a site name on a shared hosting platform.` } };
      }
      if (restIsSignal && (!name.weak || name.key.length >= 5)) {
        const tld = FOLDED_TLD_WORDS.has(after) || FOLDED_TLD_WORDS.has(before);
        return { name, reason: tld ? { code: 'tld-in-name', text: `The name spells out the brand's address.` } : { code: 'combosquatting', text: `"${name.raw}" run together with words such as login or verify.` } };
      }
      if (strong && inSubdomain) {
        return { name, reason: { code: 'combosquatting', text: `"${name.raw}" hidden inside a longer name.` } };
      }
    }
    return undefined;
  }

  private startsOrEndsWithKeyword(part: string): boolean {
    for (let i = 3; i <= Math.min(part.length, 14); i++) {
      if (FOLDED_KEYWORDS.has(part.slice(0, i)) || FOLDED_KEYWORDS.has(part.slice(part.length - i))) return true;
    }
    return false;
  }

  private match(name: ProtectedName, ...reasons: Reason[]): LookalikeMatch {
    return { owner: name.owner, reasons };
  }
}
