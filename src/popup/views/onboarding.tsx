import { useEffect, useRef, useState } from 'preact/hooks';
import type { MessageKey } from '../../ui/i18n';
import { useI18n } from '../../ui/i18n-context';

/** The three screens: what the badge says, where codes go, what happens on a lookalike (with the pin hint on the first). */
const SCREENS: { title: MessageKey; body: MessageKey[] }[] = [
  { title: 'intro_badge_title', body: ['intro_badge_check', 'intro_badge_alert', 'intro_pin'] },
  { title: 'intro_sites_title', body: ['intro_sites_body', 'intro_sites_edit'] },
  { title: 'intro_lookalike_title', body: ['intro_lookalike_body', 'intro_lookalike_answer'] },
];

/**
 * A short introduction after the vault is created, skippable at every step and shown again from Settings.
 * `onDone` runs for Skip and for the last screen's Done alike.
 */
export function Onboarding({ onDone }: { onDone(): void }) {
  const { t } = useI18n();
  const [step, setStep] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new step's heading takes the focus
  useEffect(() => heading.current?.focus(), [step]);
  const screen = SCREENS[step] ?? SCREENS[0];
  if (!screen) return null;
  const last = step === SCREENS.length - 1;
  return (
    <section class="panel onboarding" aria-labelledby="intro-title" data-testid="onboarding" data-step={step + 1}>
      <p class="hint">{t('intro_step', step + 1, SCREENS.length)}</p>
      {/* The heading takes the focus on every screen, so a screen reader reads the new screen. */}
      <h2 id="intro-title" tabIndex={-1} ref={heading}>
        {t(screen.title)}
      </h2>
      {screen.body.map((key) => (
        <p key={key}>{t(key)}</p>
      ))}
      <div class="actions">
        {last ? (
          <button type="button" onClick={onDone}>
            {t('intro_done')}
          </button>
        ) : (
          <button type="button" onClick={() => setStep(step + 1)}>
            {t('intro_next')}
          </button>
        )}
        {!last && (
          <button type="button" class="link" onClick={onDone}>
            {t('intro_skip')}
          </button>
        )}
      </div>
    </section>
  );
}
