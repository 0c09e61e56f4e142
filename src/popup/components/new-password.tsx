import { useEffect, useState } from 'preact/hooks';
import {
  loadStrengthEstimator,
  MINIMUM_SCORE,
  SCORE_KEY,
  type StrengthEstimator,
  type StrengthReport,
} from '../strength';
import { useFocusOnMount } from './focus';
import type { I18n, MessageKey } from '../../ui/i18n';
import { useI18n } from '../../ui/i18n-context';

export interface StrengthState {
  /** False until the estimator has loaded (or failed to). */
  ready: boolean;
  report: StrengthReport | null;
  /** Why the estimator is missing (a message key). */
  loadError?: MessageKey;
}

/** Strength of `password`, computed by the lazily loaded estimator. */
export function useStrength(password: string): StrengthState {
  const [estimator, setEstimator] = useState<StrengthEstimator | null>(null);
  const [loadError, setLoadError] = useState<MessageKey | undefined>();
  useEffect(() => {
    let live = true;
    loadStrengthEstimator().then(
      (loaded) => live && setEstimator(() => loaded),
      () => live && setLoadError('password_checker_failed'),
    );
    return () => {
      live = false;
    };
  }, []);
  if (!estimator) return { ready: loadError !== undefined, report: null, ...(loadError ? { loadError } : {}) };
  return { ready: true, report: password ? estimator(password, ['otp', 'guard', 'otpguard']) : null };
}

/** Why this new password cannot be used, in plain words; null when it can. */
export function newPasswordProblem(password: string, confirm: string, strength: StrengthState, { t }: I18n): string | null {
  if (!password) return t('password_choose');
  if (strength.loadError) return t(strength.loadError);
  if (!strength.ready || !strength.report) return t('password_checking');
  if (strength.report.score < MINIMUM_SCORE) return t('password_too_easy');
  if (password !== confirm) return t('password_mismatch');
  return null;
}

interface Props {
  idPrefix: string;
  label: string;
  password: string;
  confirm: string;
  onPassword(value: string): void;
  onConfirm(value: string): void;
  strength: StrengthState;
  /** The first field of its screen (first run): it takes the focus when shown. */
  focusFirst?: boolean;
}

export function NewPasswordFields({ idPrefix, label, password, confirm, onPassword, onConfirm, strength, focusFirst }: Props) {
  const report = strength.report;
  const first = useFocusOnMount<HTMLInputElement>();
  const { t } = useI18n();
  return (
    <div class="new-password">
      <label for={`${idPrefix}-password`}>{label}</label>
      <input
        ref={focusFirst ? first : undefined}
        id={`${idPrefix}-password`}
        type="password"
        autocomplete="new-password"
        value={password}
        onInput={(event) => onPassword(event.currentTarget.value)}
      />
      <div class="strength" aria-live="polite" data-testid="strength">
        {!strength.ready && password && t('password_checking_strength')}
        {report && (
          <>
            <meter min={0} max={4} low={2} high={3} optimum={4} value={report.score} aria-label={t('password_strength')} />{' '}
            <span data-score={report.score}>{t(SCORE_KEY[report.score])}</span>
            {report.warning && <p class="hint">{report.warning}</p>}
            {report.suggestions.length > 0 && (
              <ul class="hint">
                {report.suggestions.map((suggestion) => (
                  <li key={suggestion}>{suggestion}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      <label for={`${idPrefix}-confirm`}>{t('password_again')}</label>
      <input
        id={`${idPrefix}-confirm`}
        type="password"
        autocomplete="new-password"
        value={confirm}
        onInput={(event) => onConfirm(event.currentTarget.value)}
      />
    </div>
  );
}
