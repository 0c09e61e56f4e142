import { DeletionIndex, variantCount, variantHashes } from './deletion-index';
import { editDistance, typoKind } from './distance';
import type { WebTarget } from './host';
import { COMBO_KEYWORDS, COMMON_WORDS, SHARED_PLATFORM_SUFFIXES, TLD_WORDS } from './keywords';
import { type Confidence, confidenceOf, type Evidence, HIGH_AT, ScoreCard } from './score';
import { isAbusedTld, isPrivateSuffix, type KeywordStrength, keywordStrength, looksRandom } from './signals';
import { asciiSwaps, type Reason } from './reasons';
import { fold, isMixedScript, isWholeScriptConfusable } from './skeleton';

export type { Confidence, Evidence } from './score';
export type { Reason } from './reasons';

export interface Owner {
  type: 'brand' | 'account';
  id: string;
  name: string;
  primaryDomain: string;
}
export interface LookalikeMatch {
  owner: Owner;
  reasons: Reason[];
  /** Sum of the evidence points (see score.ts for the thresholds). */
  score: number;
  confidence: Confidence;
  evidence: Evidence[];
}
/** How often a name occurs in legitimate names (measured: catalogue/distinctiveness.json). */
export interface NameRisk {
  /** Legit registrable labels, not the owner's, that contain the name. */
  contains: number;
  /** Legit labels one / two edits away. */
  near1: number;
  near2: number;
}
interface ProtectedName {
  /** Folded form (skeleton + ASCII tricks). */
  key: string;
  raw: string;
  owner: Owner;
  /** 0 (a common word or very short) to 4 (appears in no legitimate name we know). */
  strength: number;
  /** Short or common names need more evidence than their mere presence. */
  weak: boolean;
  /** Only a brand TLD ("windows", "chrome"): judged as an exact or look-alike name only, never as a token. */
  fromTld: boolean;
  risk: NameRisk | undefined;
}
export interface NameSource {
  owner: Owner;
  names: string[];
  /** Names that are not labels a lookalike imitates (a brand's TLDs: "windows", "chrome"): weak. */
  weakNames?: string[];
  /** Registrable domains the owner holds (target embedding looks for them inside other hosts). */
  domains: string[];
}

/** Edit distance indexed for a name of this length: 1 from 3 letters, 2 from 8. */
export const allowedDistance = (length: number): number => (length <= 2 ? 0 : length <= 7 ? 1 : 2);

/**
 * Strength of a protected name as a phishing token, from the measured counts when there are some
 * (catalogue names), else from its length (account names): a name no legitimate site uses is a
 * strong sign on its own; "apple", "target", "steam" are inside many honest names.
 */
function nameStrength(key: string, raw: string, risk: NameRisk | undefined, weakSource: boolean): number {
  if (weakSource) return 1;
  if (key.length <= 3) return 0.5;
  const contains = risk?.contains ?? (COMMON_WORDS.has(raw) ? 3 : 0);
  if (key.length === 4) return contains === 0 ? 1.5 : 1;
  if (contains >= 3) return 1;
  if (contains >= 1) return key.length >= 6 ? 3.5 : 2.5;
  return key.length >= 6 ? 4 : 3.5;
}

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

interface Near {
  name: ProtectedName;
  distance: number;
  /** Creation order of the name (the order the original string index listed names in). */
  id: number;
}
/** `probe` is `key` minus some of its UTF-16 units. */
function isSubsequence(probe: string, key: string): boolean {
  let j = 0;
  for (let i = 0; i < key.length && j < probe.length; i++) if (key.charCodeAt(i) === probe.charCodeAt(j)) j++;
  return j === probe.length;
}
/** A trie edge as one number: parent node × 2^16 + UTF-16 unit. */
const edgeKey = (node: number, unit: number): number => node * 0x10000 + unit;
const FOLDED_KEYWORDS = new Map([...COMBO_KEYWORDS].map((k) => [fold(k), keywordStrength(k)] as const));
const FOLDED_TLD_WORDS = new Set([...TLD_WORDS].map((k) => fold(k)));

const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/**
 * Per-host facts every candidate's score reads, computed on first use: most hosts never produce a
 * candidate, and the verdict's cost is what a page pays on every navigation.
 */
class HostContext {
  private keywordCache: { strength: KeywordStrength; word: string } | undefined;
  private platformCache: boolean | undefined;
  private randomCache: { label: string | undefined } | undefined;
  constructor(
    readonly target: WebTarget,
    private readonly labelsToReg: string[],
    private readonly subUnicode: string[],
    readonly regUnicode: string,
  ) {}
  private keywordInfo(): { strength: KeywordStrength; word: string } {
    if (this.keywordCache) return this.keywordCache;
    let strength: KeywordStrength;
    let word = '';
    for (const label of this.labelsToReg) {
      for (const t of label.split(/[-_]+/)) {
        const k = t ? keywordStrength(t) : undefined;
        if (k === 'strong' || (k === 'weak' && strength === undefined)) {
          strength = k;
          word = t;
          if (k === 'strong') break;
        }
      }
      if (strength === 'strong') break;
    }
    this.keywordCache = { strength, word };
    return this.keywordCache;
  }
  get keyword(): KeywordStrength {
    return this.keywordInfo().strength;
  }
  get keywordWord(): string {
    return this.keywordInfo().word;
  }
  /** Folded keyword, to skip brands found inside it ("delivery" holds "dell"). */
  get keywordKey(): string {
    const word = this.keywordInfo().word;
    return word ? fold(word) : '\u0000';
  }
  /** gov, edu, mil, ac …: only institutions can register there. */
  get restricted(): boolean {
    return RESTRICTED_SECOND_LEVELS.has(this.target.publicSuffix.split('.')[0] ?? '');
  }
  get abusedTld(): boolean {
    return isAbusedTld(this.target.publicSuffix);
  }
  get platform(): boolean {
    this.platformCache ??= SHARED_PLATFORM_SUFFIXES.has(this.target.publicSuffix) || SHARED_PLATFORM_SUFFIXES.has(this.target.registrableDomain);
    return this.platformCache;
  }
  get privateSuffix(): boolean {
    return this.platform || isPrivateSuffix(this.target.publicSuffix);
  }
  get randomLabel(): string | undefined {
    this.randomCache ??= { label: [this.regUnicode, ...this.subUnicode].find((l) => looksRandom(l)) };
    return this.randomCache.label;
  }
}

interface Candidate {
  name: ProtectedName;
  reasons: Reason[];
  card: ScoreCard;
}

const KEYWORD_POINTS = { strong: 3, weak: 1.5 } as const;
/** Second levels reserved to institutions ("gov.bd", "edu", "ac.uk"). */
const RESTRICTED_SECOND_LEVELS: ReadonlySet<string> = new Set(['gov', 'edu', 'mil', 'ac', 'gob', 'gouv', 'govt', 'nhs', 'police', 'sch', 'int']);

/**
 * The lookalike index: every protected name is indexed once (exact folded form, symmetric-delete
 * variants, a trie for embedded names, owned domains for target embedding), so one check costs
 * a few hash look-ups per label instead of a pass over every brand. Each way a name can appear in
 * a host makes a scored candidate; the best one above the flag threshold is the match.
 */
export class LookalikeIndex {
  private readonly exact = new Map<string, ProtectedName[]>();
  /** Every name by creation order (its id in the deletion index). */
  private readonly names: ProtectedName[] = [];
  private readonly deletions: DeletionIndex;
  /** Per-query marks (query number per name id) so a name found by several probes is judged once. */
  private seen = new Uint32Array(0);
  private query = 0;
  private maxKeyLength = 0;
  /** Trie of the names for embedded matches, in flat form: edges by edgeKey, names at a node. */
  private readonly trieEdges = new Map<number, number>();
  private readonly trieNames: (ProtectedName[] | undefined)[] = [];
  private trieSize = 1;
  private readonly ownedDomains = new Map<string, Owner>();
  /** First labels of the owned domains: a token that is none of them cannot start one. */
  private readonly ownedFirstLabels = new Set<string>();
  /** Public suffixes on which each owner holds a domain ("amazon" → com, co.uk, de …). */
  private readonly ownedSuffixes = new Map<string, Set<string>>();
  readonly nameCount: number;

  constructor(sources: readonly NameSource[], distinctiveness: Readonly<Record<string, NameRisk>> = {}) {
    // Size the deletion table once (an upper bound: names repeated or too short are counted too).
    let variants = 0;
    let names = 0;
    for (const source of sources) {
      for (const raw of [...source.names, ...(source.weakNames ?? [])]) {
        variants += variantCount(raw.length, allowedDistance(raw.length));
        names++;
      }
    }
    this.deletions = new DeletionIndex(names);
    this.deletions.reserve(variants);
    let count = 0;
    for (const source of sources) {
      const suffixes = this.ownedSuffixes.get(source.owner.id) ?? new Set<string>();
      this.ownedSuffixes.set(source.owner.id, suffixes);
      for (const domain of source.domains) {
        if (!this.ownedDomains.has(domain)) this.ownedDomains.set(domain, source.owner);
        this.ownedFirstLabels.add(domain.split('.')[0] ?? domain);
        const dot = domain.indexOf('.');
        if (dot > 0) suffixes.add(domain.slice(dot + 1));
      }
      const seen = new Set<string>();
      const weakNames = new Set(source.weakNames ?? []);
      for (const raw of [...source.names, ...(source.weakNames ?? [])]) {
        const key = fold(raw.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''));
        if (key.length < 2 || seen.has(key)) continue;
        seen.add(key);
        count++;
        const risk = distinctiveness[key];
        const weakSource = weakNames.has(raw) && !source.names.includes(raw);
        const strength = nameStrength(key, raw, risk, weakSource);
        const entry: ProtectedName = { key, raw, owner: source.owner, strength, weak: strength < 2.5, fromTld: weakSource, risk };
        push(this.exact, key, entry);
        const id = this.names.push(entry) - 1;
        const depth = allowedDistance(key.length);
        // A name of 2 letters is never a typo target (allowed distance 0).
        if (depth > 0) this.deletions.add(key, id, depth);
        if (key.length > this.maxKeyLength) this.maxKeyLength = key.length;
        this.addToTrie(entry);
      }
    }
    this.nameCount = count;
    this.seen = new Uint32Array(this.names.length);
  }

  /** Walks are by UTF-16 unit: a name with a character outside the BMP can never be walked to, so it is left out. */
  private addToTrie(entry: ProtectedName): void {
    const key = entry.key;
    for (let i = 0; i < key.length; i++) if ((key.charCodeAt(i) & 0xf800) === 0xd800) return;
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const edge = edgeKey(node, key.charCodeAt(i));
      let next = this.trieEdges.get(edge);
      if (next === undefined) {
        next = this.trieSize++;
        this.trieEdges.set(edge, next);
      }
      node = next;
    }
    const list = this.trieNames[node];
    if (list) list.push(entry);
    else this.trieNames[node] = [entry];
  }

  isProtectedKey(key: string): boolean {
    return this.exact.has(key);
  }

  private exactName(key: string): ProtectedName | undefined {
    return this.exact.get(key)?.[0];
  }

  /**
   * Nearest protected name within the distance its length allows. Candidates come from the hashed
   * deletion index and are confirmed by the real distance; when several tie, the answer is the one
   * the string-variant enumeration meets first (nearInEnumerationOrder), so results never depend on hashing.
   */
  private nearName(key: string): { name: ProtectedName; distance: number } | undefined {
    // No name is within 2 edits of a key more than 2 longer than the longest name.
    if (key.length < 3 || key.length > this.maxKeyLength + 2 || this.exact.has(key)) return undefined;
    const found = this.nearCandidates(key);
    if (found.length === 0) return undefined;
    let ones = 0;
    let one: Near | undefined;
    for (const f of found) {
      if (f.distance === 1) {
        ones++;
        one = f;
      }
    }
    if (ones === 1 && one) return { name: one.name, distance: 1 };
    if (ones === 0) {
      let best = found[0] as Near;
      let tie = false;
      for (let i = 1; i < found.length; i++) {
        const f = found[i] as Near;
        if (f.name.strength > best.name.strength) {
          best = f;
          tie = false;
        } else if (f.name.strength === best.name.strength) tie = true;
      }
      if (!tie) return { name: best.name, distance: best.distance };
    }
    return this.nearInEnumerationOrder(key, found.sort((a, b) => a.id - b.id));
  }

  /** Every name within its allowed distance of `key` (1 or more edits). */
  private nearCandidates(key: string): Near[] {
    const found: Near[] = [];
    const query = ++this.query;
    const seen = this.seen;
    const length = key.length;
    const visit = (id: number): void => {
      if (seen[id] === query) return;
      seen[id] = query;
      const name = this.names[id];
      if (!name) return;
      const max = allowedDistance(name.key.length);
      if (max === 0 || Math.abs(name.key.length - length) > max) return;
      const d = editDistance(key, name.key, max);
      if (d >= 1 && d <= max) found.push({ name, distance: d, id });
    };
    const { hashes, count } = variantHashes(key, 2);
    for (let k = 0; k < count; k++) this.deletions.probe(hashes[k] ?? 0, visit);
    return found;
  }

  /**
   * The rule of the first index, kept for ties: probes in the order `deletions()` makes them
   * (the key, then depth-first deletions), at each probe the names equal to it then the names with
   * it among their deletion variants (creation order); the first name at distance 1 wins, else the
   * strongest at distance 2 met first.
   */
  private nearInEnumerationOrder(key: string, found: Near[]): { name: ProtectedName; distance: number } | undefined {
    const probes = new Set<string>([key]);
    deletions(key, 2, probes);
    let best: Near | undefined;
    const consider = (f: Near): void => {
      if (best && best.distance === 1) return;
      if (!best || f.distance < best.distance || (f.distance === best.distance && f.name.strength > best.name.strength)) best = f;
    };
    for (const probe of probes) {
      for (const f of found) if (f.name.key === probe) consider(f);
      for (const f of found) {
        const cut = f.name.key.length - probe.length;
        if (cut >= 1 && cut <= allowedDistance(f.name.key.length) && isSubsequence(probe, f.name.key)) consider(f);
      }
    }
    return best ? { name: best.name, distance: best.distance } : undefined;
  }

  /** Protected names found inside `key` (longest first), via the trie. */
  private embedded(key: string): { name: ProtectedName; start: number }[] {
    const found: { name: ProtectedName; start: number }[] = [];
    for (let start = 0; start < key.length; start++) {
      let node: number | undefined = 0;
      for (let i = start; i < key.length; i++) {
        node = this.trieEdges.get(edgeKey(node, key.charCodeAt(i)));
        if (node === undefined) break;
        const names = this.trieNames[node];
        if (names) for (const name of names) found.push({ name, start });
      }
    }
    return found.sort((a, b) => b.name.key.length - a.name.key.length);
  }

  /** Registrable domains held by someone else and written inside this host (amazon.com.x.top, amazon-co-uk.x). */
  private embeddedOwnedDomain(tokens: string[], registrable: string): Owner | undefined {
    for (let i = 0; i < tokens.length; i++) {
      if (!this.ownedFirstLabels.has(tokens[i] ?? '')) continue;
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
    const labelsToReg = unicodeLabels.slice(0, regIndex + 1);
    const ctx = new HostContext(target, labelsToReg, subUnicode, regUnicode);
    const regKey = fold(regUnicode.replace(/[-_]/g, ''));
    let best: Candidate | undefined;
    const consider = (candidate: Candidate | undefined): boolean => {
      if (candidate && (!best || candidate.card.score > best.card.score)) best = candidate;
      return (best?.card.score ?? 0) >= HIGH_AT;
    };

    // 1. The registrable name is a protected name: homoglyphs, hyphens, another TLD, free hosting.
    if (consider(this.exactRegistrable(regKey, regUnicode, regAscii, ctx))) return this.finish(best);
    // 2. Typos of a protected name.
    const idn = regUnicode !== regAscii ? (isMixedScriptOrWhole(regUnicode) ? 'script' : 'latin') : undefined;
    if (consider(this.typo(regKey, idn, ctx))) return this.finish(best);
    // 3. Another owner's registrable domain written inside this host.
    const hostTokens = labelsToReg.join('.').split(/[.\-_]+/).filter(Boolean);
    const embeddedOwner = this.embeddedOwnedDomain(hostTokens, target.unicodeRegistrableDomain);
    if (embeddedOwner) {
      const card = new ScoreCard().add('target-embedding', 8, `the real address ${embeddedOwner.primaryDomain} is written inside another domain`);
      const reasons: Reason[] = [{ code: 'target-embedding', domain: embeddedOwner.primaryDomain }];
      return { owner: embeddedOwner, reasons, score: card.score, confidence: 'high', evidence: card.evidence };
    }
    // 4. Brand plus words in the registrable name (combosquatting, TLD-in-name), hyphenated or glued.
    const regTokens = regUnicode.split(/[-_]+/).filter(Boolean);
    if (consider(this.tokenMatch(regTokens, ctx))) return this.finish(best);
    if (consider(this.embeddedMatch(regKey, ctx, false))) return this.finish(best);
    // 5. Subdomains: split names (am.azon.com) and brand tokens in front of an unrelated domain.
    if (subUnicode.length > 0) consider(this.subdomainMatch(labelsToReg, subUnicode, ctx));
    return this.finish(best);
  }

  /** Points every candidate gets from the host around the name. */
  private addContext(card: ScoreCard, ctx: HostContext, skip: { keyword?: boolean; platform?: boolean } = {}): ScoreCard {
    if (!skip.keyword && ctx.keyword) card.add('keyword', KEYWORD_POINTS[ctx.keyword], `the address has the word "${ctx.keywordWord}"`);
    if (ctx.abusedTld) card.add('abused-tld', 1.5, `.${ctx.target.publicSuffix.split('.').pop() ?? ''} is among the TLDs most used for phishing`);
    if (!skip.platform && ctx.privateSuffix) {
      card.add(ctx.platform ? 'free-hosting' : 'private-suffix', 2, `${ctx.target.publicSuffix} lets anyone publish a site under it`);
    }
    if (ctx.randomLabel) card.add('random-label', 1, `"${ctx.randomLabel}" looks machine-made`);
    if (ctx.restricted) card.add('restricted-suffix', -3, `only institutions can register under .${ctx.target.publicSuffix}`);
    return card;
  }

  private strengthEvidence(card: ScoreCard, name: ProtectedName, points = name.strength): ScoreCard {
    const seen = name.risk ? `in ${name.risk.contains} of the legitimate names we measured` : 'not measured';
    return card.add('brand-token', points, `"${name.raw}" (${name.key.length} letters; ${seen})`);
  }

  private exactRegistrable(regKey: string, regUnicode: string, regAscii: string, ctx: HostContext): Candidate | undefined {
    const exact = this.exactName(regKey);
    const isUnicode = regUnicode !== regAscii;
    if (!exact) return undefined;
    const card = new ScoreCard();
    if (isUnicode) {
      card.add('skeleton', 10, `"${regUnicode}" looks exactly like "${exact.raw}"`);
      return { name: exact, reasons: [{ code: 'homoglyph', form: 'characters', brand: exact.raw }, ...scriptReasons(regUnicode)], card };
    }
    const plain = regUnicode.replace(/[-_]/g, '');
    if (plain !== exact.raw.replace(/[^\p{L}\p{N}]/gu, '') && !/[-_]/.test(regUnicode)) {
      card.add('skeleton', exact.weak ? 5 : 7, `"${regUnicode}" reads as "${exact.raw}" (rn for m, 0 for o …)`);
      this.addContext(card, ctx);
      return { name: exact, reasons: [{ code: 'homoglyph', form: 'swaps', brand: exact.raw, swaps: asciiSwaps(regUnicode, exact.raw) }], card };
    }
    if (/[-_]/.test(regUnicode) && regUnicode !== exact.raw) {
      card.add('hyphenation', 5, `"${regUnicode}" is "${exact.raw}" with hyphens`);
      this.strengthEvidence(card, exact, exact.strength / 2);
      this.addContext(card, ctx);
      return { name: exact, reasons: [{ code: 'hyphenation', brand: exact.raw, inSubdomain: false }], card };
    }
    if (ctx.privateSuffix) {
      card.add('free-hosting', 5, `a site named "${exact.raw}" on ${ctx.target.publicSuffix}`);
      this.strengthEvidence(card, exact, exact.strength / 2);
      this.addContext(card, ctx, { platform: true });
      return { name: exact, reasons: [{ code: 'free-hosting', brand: exact.raw, suffix: ctx.target.publicSuffix }], card };
    }
    // A TLD swap: the brand's name on a suffix it does not hold is at least "not the brand's site".
    if (exact.fromTld) return undefined;
    card.add('tld-swap', 4, `${exact.owner.name} does not use .${ctx.target.publicSuffix}`);
    if (!exact.weak) card.add('brand-token', 0.5, `"${exact.raw}" is a distinctive name`);
    this.addContext(card, ctx);
    return { name: exact, reasons: [{ code: 'tld-swap', owner: exact.owner.name, domain: `${exact.raw}.${ctx.target.publicSuffix}` }], card };
  }

  /** `idn`: the label is an IDN mixing scripts ("script") or in Latin letters with look-alike extras ("latin"). */
  private typo(regKey: string, idn: 'script' | 'latin' | undefined, ctx: HostContext): Candidate | undefined {
    const near = this.nearName(regKey);
    if (!near) return undefined;
    const { name, distance } = near;
    // The shorter of the two decides how likely an honest collision is: "elle" is one edit from "zelle".
    const len = Math.min(name.key.length, regKey.length);
    const card = new ScoreCard();
    if (idn && !name.fromTld) {
      // Look-alike letters AND a near-miss of a brand: an honest IDN rarely lands one edit from a brand.
      card.add('skeleton', idn === 'script' ? 8 : name.strength >= 2.5 ? 7 : 5, `look-alike characters close to "${name.raw}"`);
      if (idn === 'latin') this.addContext(card, ctx);
      return { name, reasons: [{ code: 'homoglyph', form: 'near', brand: name.raw }, ...scriptReasons(ctx.target.unicodeHost)], card };
    }
    if (name.fromTld) return undefined;
    const base = distance === 1 ? (len >= 7 ? 7 : len >= 5 ? 5.5 : len === 4 ? 3.5 : 2) : len >= 10 ? 6 : 3.5;
    card.add('edit-distance', base, `${distance} edit${distance > 1 ? 's' : ''} from "${name.raw}" (${len} letters)`);
    // Typo risk is measured by the name's legitimate neighbours, not by how often it sits inside compounds.
    this.neighbourPenalty(card, name, distance);
    const suffixes = this.ownedSuffixes.get(name.owner.id);
    // A typo on the brand's own TLD family is the classic typosquat (amazno.com, paypa.de).
    if (suffixes?.has(ctx.target.publicSuffix)) card.add('own-tld', 1, `${name.owner.name} uses .${ctx.target.publicSuffix}`);
    this.addContext(card, ctx);
    return { name, reasons: [{ code: 'edit-distance', brand: name.raw, typo: typoKind(regKey, name.key) }], card };
  }

  /** A name with legitimate one-edit neighbours ("icloud": hicloud, pcloud …) makes a typo weak evidence. */
  private neighbourPenalty(card: ScoreCard, name: ProtectedName, distance: number): void {
    const risk = name.risk;
    if (!risk) return;
    if (distance === 1 && risk.near1 > 0) {
      card.add('typo-neighbours', -Math.min(3, 1.5 + risk.near1 / 2), `${risk.near1} legitimate names are one edit from "${name.raw}"`);
    } else if (distance === 2 && risk.near1 + risk.near2 > 0) {
      card.add('typo-neighbours', -Math.min(3, 1 + (risk.near1 + risk.near2) / 2), `${risk.near1 + risk.near2} legitimate names are within two edits of "${name.raw}"`);
    }
  }

  private tokenMatch(tokens: string[], ctx: HostContext): Candidate | undefined {
    if (tokens.length < 2 && !ctx.privateSuffix) return undefined;
    let best: Candidate | undefined;
    for (let i = 0; i < tokens.length; i++) {
      // A brand may itself span tokens ("wells-fargo"): try one to three tokens.
      for (let len = 1; len <= 3 && i + len <= tokens.length; len++) {
        const key = fold(tokens.slice(i, i + len).join(''));
        const exact = this.exactName(key);
        // A typo inside one word only: "dhl-express" joined is not a typo of "aliexpress".
        const near = exact || len > 1 ? undefined : this.nearName(key);
        const name = exact ?? (near && near.name.key.length >= 6 ? near.name : undefined);
        if (!name || name.fromTld) continue;
        const rest = [...tokens.slice(0, i), ...tokens.slice(i + len)];
        if (rest.length === 0 && !ctx.privateSuffix) continue;
        const card = this.strengthEvidence(new ScoreCard(), name, exact ? name.strength : name.strength - 2);
        if (near) this.neighbourPenalty(card, name, near.distance);
        let reason: Reason = { code: 'combosquatting', brand: name.raw, form: ctx.keyword === 'strong' ? 'login-words' : 'words', words: rest };
        if (rest.length > 0) card.add('join', 1, `"${name.raw}" is a separate word of the name`);
        if (rest.length > 0 && rest.every((t) => /^\d+$/.test(t))) {
          card.add('digits', 2, `followed by numbers (${rest.join('-')})`);
          reason = { code: 'combosquatting', brand: name.raw, form: 'numbers', words: rest };
        } else if (rest.length > 0 && rest.every((t) => TLD_WORDS.has(t))) {
          card.add('tld-in-name', 3, `spells out the address ("${tokens.join('-')}")`);
          reason = { code: 'tld-in-name', brand: name.raw, spelled: tokens.join('-') };
        } else if (rest.some((t) => TLD_WORDS.has(t))) {
          card.add('tld-in-name', 2, 'a domain ending written into the name');
        } else if (rest.length > 0 && rest.every((t) => t.length <= 3)) {
          card.add('short-affix', 0.5, `short affix (${rest.join('-')})`);
        }
        // Two brands in one name ("ups-fedex", "dhl-amazon"): no honest site is named after a competitor.
        const other = rest.map((t) => this.exactName(fold(t))).find((n) => n && n.owner.id !== name.owner.id && !n.fromTld && n.key.length >= 3);
        if (other) card.add('other-brand', 2, `also names ${other.owner.name}`);
        if (ctx.privateSuffix && reason.code === 'combosquatting') reason = { code: 'free-hosting', brand: name.raw };
        this.addContext(card, ctx);
        if (!best || card.score > best.card.score) best = { name, reasons: withSwaps([reason], ctx.regUnicode, name.raw), card };
      }
    }
    return best;
  }

  private embeddedMatch(key: string, ctx: HostContext, inSubdomain: boolean): Candidate | undefined {
    let best: Candidate | undefined;
    for (const { name, start } of this.embedded(key)) {
      if (name.key === key || name.fromTld) continue;
      if (best && name.key.length < best.name.key.length) break;
      // "delivery" holds "dell": a brand inside the very keyword is no brand at all.
      if (ctx.keywordKey.includes(name.key)) continue;
      const before = key.slice(0, start);
      const after = key.slice(start + name.key.length);
      const card = this.strengthEvidence(new ScoreCard(), name);
      let reason: Reason = inSubdomain
        ? { code: 'combosquatting', brand: name.raw, form: 'subdomain', domain: ctx.target.registrableDomain }
        : { code: 'combosquatting', brand: name.raw, form: 'glued' };
      const affix = before + after;
      const kw = this.affixKeyword(before, after);
      if (before === '') card.add('position', 0.5, `the name starts with "${name.raw}"`);
      if (/^[\dlos]+$/.test(after) && before === '' && /\d/.test(key)) {
        card.add('digits', 2, `followed by numbers (${after})`);
        reason = { code: 'combosquatting', brand: name.raw, form: 'numbers', words: [after] };
      } else if (FOLDED_TLD_WORDS.has(after) || FOLDED_TLD_WORDS.has(before)) {
        // Two letters ("es", "in", "se") end or start many ordinary words; "com", "couk" do not.
        const tld = FOLDED_TLD_WORDS.has(after) ? after : before;
        card.add('tld-in-name', tld.length <= 2 ? 1.5 : 3, `spells out the address (${tld})`);
        reason = { code: 'tld-in-name', brand: name.raw };
      } else if (kw) {
        card.add('keyword', kw === 'strong' ? 3 : 1, `run together with a word such as login or verify`);
        reason = { code: 'combosquatting', brand: name.raw, form: 'glued-login' };
      } else if (affix.length <= 2 && !/\d/.test(affix)) {
        card.add('word-inflection', -1.5, `"${before}${name.raw}${after}" may be an ordinary word`);
      } else if (/^[^aeiouy\d]{2,}$/.test(after) || (/\d/.test(affix) && /[a-z]/.test(affix))) {
        card.add('random-affix', 1, `"${affix}" looks machine-made`);
      }
      if (!inSubdomain && !kw && (name.risk?.contains ?? 0) > 0) {
        card.add('compound', -1, `"${name.raw}" is glued into legitimate names too (${name.risk?.contains} measured)`);
      }
      if (inSubdomain) card.add('subdomain', 1, `in front of an unrelated domain (${ctx.target.registrableDomain})`);
      if (ctx.privateSuffix && reason.code === 'combosquatting' && !inSubdomain) reason = { code: 'free-hosting', brand: name.raw };
      this.addContext(card, ctx, { keyword: !!kw });
      if (!best || card.score > best.card.score) best = { name, reasons: inSubdomain ? [reason] : withSwaps([reason], ctx.regUnicode, name.raw), card };
    }
    return best;
  }

  private subdomainMatch(labelsToReg: string[], subUnicode: string[], ctx: HostContext): Candidate | undefined {
    let best: Candidate | undefined;
    const keep = (c: Candidate | undefined) => {
      if (c && (!best || c.card.score > best.card.score)) best = c;
    };
    for (let i = 0; i < labelsToReg.length - 1; i++) {
      for (let j = i + 2; j <= Math.min(labelsToReg.length, i + 3); j++) {
        const joined = this.exactName(fold(labelsToReg.slice(i, j).join('').replace(/[-_]/g, '')));
        if (!joined) continue;
        const card = new ScoreCard().add('subdomain-split', 5, `"${joined.raw}" split across labels`);
        this.strengthEvidence(card, joined, joined.strength / 2);
        this.addContext(card, ctx);
        keep({ name: joined, reasons: [{ code: 'subdomain-split', brand: joined.raw }], card });
      }
    }
    for (const label of subUnicode) {
      const joined = /[-_]/.test(label) ? this.exactName(fold(label.replace(/[-_]/g, ''))) : undefined;
      if (!joined) continue;
      const card = new ScoreCard().add('hyphenation', 3, `"${label}" is "${joined.raw}" with hyphens`);
      this.strengthEvidence(card, joined);
      this.addContext(card, ctx);
      keep({ name: joined, reasons: [{ code: 'hyphenation', brand: joined.raw, inSubdomain: true }], card });
    }
    for (const token of subUnicode.flatMap((l) => l.split(/[-_]+/)).filter(Boolean)) {
      const key = fold(token);
      const exact = this.exactName(key);
      const near = exact ? undefined : this.nearName(key);
      const name = exact ?? (near && near.name.key.length >= 5 ? near.name : undefined);
      if (!name) continue;
      const card = this.strengthEvidence(new ScoreCard(), name, exact ? name.strength : name.strength - 1);
      card.add('subdomain', 2, `"${token}" in front of an unrelated domain (${ctx.target.registrableDomain})`);
      this.addContext(card, ctx);
      keep({ name, reasons: [{ code: 'combosquatting', brand: name.raw, form: 'subdomain', domain: ctx.target.registrableDomain }], card });
    }
    for (const label of subUnicode) keep(this.embeddedMatch(fold(label.replace(/[-_]/g, '')), ctx, true));
    return best;
  }

  private affixKeyword(before: string, after: string): KeywordStrength {
    let found: KeywordStrength;
    for (const part of [before, after]) {
      for (let i = 3; i <= Math.min(part.length, 14); i++) {
        const k = FOLDED_KEYWORDS.get(part.slice(0, i)) ?? FOLDED_KEYWORDS.get(part.slice(part.length - i));
        if (k === 'strong') return k;
        if (k) found = k;
      }
    }
    return found;
  }

  private finish(best: Candidate | undefined): LookalikeMatch | undefined {
    if (!best) return undefined;
    const confidence = confidenceOf(best.card.score);
    if (!confidence) return undefined;
    return { owner: best.name.owner, reasons: best.reasons, score: Math.round(best.card.score * 10) / 10, confidence, evidence: best.card.evidence };
  }
}

function scriptReasons(label: string): Reason[] {
  const reasons: Reason[] = [];
  if (isMixedScript(label)) reasons.push({ code: 'mixed-script' });
  if (isWholeScriptConfusable(label)) reasons.push({ code: 'whole-script' });
  return reasons;
}

/** The brand written with ASCII swaps inside the name (amaz0n-account): named and marked, points unchanged. */
function withSwaps(reasons: Reason[], label: string, brand: string): Reason[] {
  const swaps = asciiSwaps(label, brand);
  return swaps.length > 0 ? [{ code: 'ascii-swap', brand, swaps }, ...reasons] : reasons;
}

const isMixedScriptOrWhole = (label: string): boolean => isMixedScript(label) || isWholeScriptConfusable(label);
