/**
 * What the engine does on a code field, by the channel its page asks for (src/core/fill/channel.ts):
 * on an authenticator page — or one that names no channel — the usual button and automatic fill; on
 * an SMS / e-mail / push / other-device page nothing is filled by itself and a note says where the
 * code comes from, with "Use my authenticator instead" when the page itself offers that way.
 * Display only: whether a code may go is still the background's decision, on every request.
 */
import { type ChannelVerdict, classifyChannel, offersAuthenticator } from '../../core/fill/channel';
import type { MessageKey } from '../../ui/i18n';
import { words } from '../ui/words';
import { gatherChannelEvidence } from './channel-evidence';

export interface ChannelPlan {
  verdict: ChannelVerdict;
  /** The engine may fill by itself (when the settings allow it). */
  autoFill: boolean;
  /** Shown instead of the fill button: where this page's code comes from. Null on an authenticator page. */
  note: string | null;
  /** The page's own link or button that switches to the authenticator ("Use your authenticator app"). */
  offer: HTMLElement | null;
}

/** The note's words, read when the plan is made (in the browser's language). */
const NOTES: Partial<Record<ChannelVerdict['channel'], MessageKey>> = {
  sms: 'content_channel_sms',
  email: 'content_channel_email',
  push: 'content_channel_push',
  device: 'content_channel_device',
  delivered: 'content_channel_delivered',
};

export function planForField(input: HTMLInputElement): ChannelPlan {
  const { evidence, actions } = gatherChannelEvidence(input);
  const verdict = classifyChannel(evidence);
  const noteKey = NOTES[verdict.channel];
  const note = noteKey ? words().t(noteKey) : null;
  // A conflict (the page argues both ways) gets the button, but no fill by itself.
  const autoFill = verdict.channel === 'authenticator' || (verdict.channel === 'unknown' && verdict.confidence === 'weak');
  const offer = note ? (actions.find((action) => offersAuthenticator(action.text))?.element ?? null) : null;
  return { verdict, autoFill, note, offer };
}
