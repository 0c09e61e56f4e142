/** One input (or one row of one-character boxes) the finder considered, with why it scored as it did. */
export type Candidate =
  | { kind: 'single'; input: HTMLInputElement; score: number; reasons: string[] }
  | { kind: 'split'; inputs: HTMLInputElement[]; score: number; reasons: string[] };

export interface FinderResult {
  /** The highest-scoring candidate at or above the OTP threshold, or null when nothing looks like an OTP field. */
  best: Candidate | null;
  /** Every usable candidate considered, highest score first (also the ones below the threshold, to explain misses). */
  candidates: Candidate[];
  /** A scan limit was reached: part of the page was not looked at. */
  truncated?: boolean;
}

/** The inputs a candidate fills, in fill order. */
export const candidateInputs = (candidate: Candidate): HTMLInputElement[] =>
  candidate.kind === 'single' ? [candidate.input] : candidate.inputs;
