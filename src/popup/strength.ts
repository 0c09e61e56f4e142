import type { MessageKey } from '../ui/i18n';

/** The small, always-loaded side of the strength check: the estimator itself is fetched on first use. */
export interface StrengthReport {
  /** 0 (guessed at once) … 4 (very hard to guess), as zxcvbn scores it. */
  score: 0 | 1 | 2 | 3 | 4;
  warning?: string;
  suggestions: string[];
}

export type StrengthEstimator = (password: string, userInputs?: string[]) => StrengthReport;

/** Below this score a new vault or backup password is refused. */
export const MINIMUM_SCORE = 3;

export const SCORE_KEY: Record<StrengthReport['score'], MessageKey> = {
  0: 'strength_0',
  1: 'strength_1',
  2: 'strength_2',
  3: 'strength_3',
  4: 'strength_4',
};

let loading: Promise<StrengthEstimator> | null = null;

export function loadStrengthEstimator(): Promise<StrengthEstimator> {
  loading ??= import('./strength-estimator').then((module) => module.estimateStrength);
  return loading;
}
