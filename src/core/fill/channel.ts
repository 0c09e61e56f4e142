/**
 * Which channel a one-time-code field asks for: a code from the user's authenticator app, or one
 * sent by SMS, e-mail, a push notification, or shown on another device. Pure: it reads plain strings
 * the content script gathered next to the field (no DOM). Used to fill nothing by itself where
 * the code does not come from the authenticator.
 *
 * How: the text is split into sentences; each channel's phrases (channel-words.ts) add their weight
 * times the source's weight (label and placeholder 3, page text 2, name/id 2, links and buttons 1).
 * A sentence that offers another way ("… instead", "Try another way") counts for `alternatives`
 * only. Masked phone numbers and masked addresses are strong SMS / e-mail evidence. The best
 * channel wins when it is clear; authenticator against a sent channel with close scores is a
 * conflict (unknown); "we sent you a code" with no medium named is `delivered`.
 */
import {
  ALTERNATIVE_PHRASES,
  CHANNEL_PHRASES,
  emailAddressKind,
  hasMaskedPhone,
  ID_HINTS,
  type Phrase,
  SENT_PHRASES,
  type SpecificChannel,
} from './channel-words';
import { compactText, foldText } from './text-normalize';

export type Channel = SpecificChannel | 'delivered' | 'unknown';

export interface ChannelEvidence {
  /** Visible text near the field: heading, instructions (a few hundred characters is plenty). */
  pageText?: string;
  /** The field's label, aria-label or aria-labelledby text. */
  label?: string;
  placeholder?: string;
  /**
   * Read but neutral: `one-time-code` is used for SMS (Apple's advice) and for authenticator
   * codes alike, so only the text around it decides.
   */
  autocomplete?: string;
  name?: string;
  id?: string;
  /** Texts of links and buttons near the field ("Resend code", "Use your authenticator app instead"). */
  actionTexts?: readonly string[];
}

export interface ChannelVerdict {
  channel: Channel;
  /** `clear`: one channel stands out; `weak`: little evidence; `conflict`: authenticator and a sent channel both argued. */
  confidence: 'clear' | 'weak' | 'conflict';
  scores: Record<SpecificChannel | 'delivered', number>;
  /** Channels the page offers as another way ("Use your authenticator app instead"). */
  alternatives: SpecificChannel[];
  /** The page offers some other way at all ("Try another way"), named or not. */
  otherWayOffered: boolean;
  reasons: string[];
}

const CHANNELS: readonly SpecificChannel[] = ['authenticator', 'sms', 'email', 'push', 'device'];
const MAX_TEXT = 4000;
const CLEAR_SCORE = 4;

type Scores = ChannelVerdict['scores'];

const phraseIn = (phrase: Phrase, folded: string, padded: string): boolean =>
  phrase.anywhere ? folded.includes(phrase.folded) : padded.includes(` ${phrase.folded}`);

/** Sentences (and lines), so "… instead" only affects its own sentence. */
const sentencesOf = (text: string): string[] =>
  text
    .slice(0, MAX_TEXT)
    .split(/[\n.!?。！？]+(?:\s|$)|[。！？\n]/u)
    .filter((sentence) => sentence.trim() !== '');

interface Tally {
  scores: Scores;
  alternatives: Set<SpecificChannel>;
  otherWay: boolean;
  reasons: string[];
}

function scoreSentence(tally: Tally, sentence: string, weight: number, source: string): void {
  const folded = foldText(sentence);
  const padded = ` ${folded}`;
  const isAlternative = ALTERNATIVE_PHRASES.some((phrase) => phraseIn(phrase, folded, padded));
  if (isAlternative) tally.otherWay = true;
  for (const channel of CHANNELS) {
    const found = CHANNEL_PHRASES[channel].filter((phrase) => phraseIn(phrase, folded, padded));
    // "telefon" inside "telefono" is one word, not two pieces of evidence.
    const hits = found.filter((hit) => !found.some((other) => other !== hit && other.folded.includes(hit.folded)));
    if (hits.length === 0) continue;
    if (isAlternative) {
      tally.alternatives.add(channel);
      continue;
    }
    // The strongest phrase counts fully, further ones add one point each (repetition is not proof).
    const points = (Math.max(...hits.map((hit) => hit.weight)) + hits.length - 1) * weight;
    tally.scores[channel] += points;
    tally.reasons.push(`${source}: ${channel} "${hits[0]?.folded}" (+${points})`);
  }
  if (!isAlternative && SENT_PHRASES.some((phrase) => phraseIn(phrase, folded, padded))) {
    tally.scores.delivered += 2 * weight;
    tally.reasons.push(`${source}: sent (+${2 * weight})`);
  }
  if (isAlternative) return;
  const address = emailAddressKind(sentence);
  if (address === 'masked') {
    tally.scores.email += 3 * weight;
    tally.reasons.push(`${source}: masked address (+${3 * weight})`);
  } else if (address === 'plain') {
    tally.scores.email += weight;
    tally.reasons.push(`${source}: address (+${weight})`);
  } else if (hasMaskedPhone(sentence)) {
    tally.scores.sms += 3 * weight;
    tally.reasons.push(`${source}: masked phone number (+${3 * weight})`);
  }
}

function scoreIdentifiers(tally: Tally, evidence: ChannelEvidence): void {
  const compact = compactText(foldText(`${evidence.name ?? ''} ${evidence.id ?? ''}`.slice(0, 400)));
  if (compact === '') return;
  for (const channel of CHANNELS) {
    const hint = ID_HINTS[channel].find((part) => compact.includes(part));
    if (!hint) continue;
    tally.scores[channel] += 4;
    tally.reasons.push(`name/id: ${channel} "${hint}" (+4)`);
  }
}

function decide(scores: Scores): Pick<ChannelVerdict, 'channel' | 'confidence'> {
  const ranked = [...CHANNELS].sort((a, b) => scores[b] - scores[a]);
  const best = ranked[0] ?? 'authenticator';
  const top = scores[best];
  if (top === 0) return scores.delivered >= CLEAR_SCORE ? { channel: 'delivered', confidence: 'clear' } : { channel: 'unknown', confidence: 'weak' };
  const sentRival = Math.max(scores.sms, scores.email, scores.push, scores.device);
  if (best === 'authenticator') {
    // A page that says "we sent" argues against the authenticator as much as one naming the medium.
    const rival = Math.max(sentRival, scores.delivered);
    if (rival >= CLEAR_SCORE && rival * 4 >= top * 3) return { channel: 'unknown', confidence: 'conflict' };
    return { channel: 'authenticator', confidence: top >= CLEAR_SCORE ? 'clear' : 'weak' };
  }
  const runnerUp = ranked.find((channel) => channel !== best && channel !== 'authenticator') ?? best;
  if (scores.authenticator >= CLEAR_SCORE && scores.authenticator * 4 >= top * 3) return { channel: 'unknown', confidence: 'conflict' };
  // Two sent channels neck and neck ("your phone or e-mail"): sent, medium unclear.
  if (scores[runnerUp] * 4 >= top * 3 && scores[runnerUp] >= CLEAR_SCORE) return { channel: 'delivered', confidence: 'clear' };
  return { channel: best, confidence: top >= CLEAR_SCORE ? 'clear' : 'weak' };
}

export function classifyChannel(evidence: ChannelEvidence): ChannelVerdict {
  const tally: Tally = {
    scores: { authenticator: 0, sms: 0, email: 0, push: 0, device: 0, delivered: 0 },
    alternatives: new Set(),
    otherWay: false,
    reasons: [],
  };
  const sources: [string | undefined, number, string][] = [
    [evidence.label, 3, 'label'],
    [evidence.placeholder, 3, 'placeholder'],
    [evidence.pageText, 2, 'page'],
  ];
  for (const [text, weight, source] of sources) {
    if (typeof text !== 'string') continue;
    for (const sentence of sentencesOf(text)) scoreSentence(tally, sentence, weight, source);
  }
  for (const action of (evidence.actionTexts ?? []).slice(0, 40)) {
    if (typeof action === 'string') scoreSentence(tally, action.slice(0, 200), 1, 'link');
  }
  scoreIdentifiers(tally, evidence);
  const decision = decide(tally.scores);
  const alternatives = CHANNELS.filter((channel) => tally.alternatives.has(channel) && channel !== decision.channel);
  return { ...decision, scores: tally.scores, alternatives, otherWayOffered: tally.otherWay, reasons: tally.reasons };
}

/**
 * Does this link or button offer the authenticator as the way to sign in ("Use your authenticator
 * app", "Use an authenticator app instead", "Authentifizierungs-App verwenden")? A link or button is
 * never the instruction for the field in front, so naming the authenticator at all is an offer.
 */
export function offersAuthenticator(actionText: string): boolean {
  if (typeof actionText !== 'string' || actionText.trim() === '') return false;
  const verdict = classifyChannel({ actionTexts: [actionText.slice(0, 200)] });
  return verdict.channel === 'authenticator' || verdict.alternatives.includes('authenticator');
}
