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

export const SCORE_LABEL: Record<StrengthReport['score'], string> = {
  0: 'Very weak',
  1: 'Weak',
  2: 'Fair',
  3: 'Strong',
  4: 'Very strong',
};

let loading: Promise<StrengthEstimator> | null = null;

export function loadStrengthEstimator(): Promise<StrengthEstimator> {
  loading ??= import('./strength-estimator').then((module) => module.estimateStrength);
  return loading;
}
