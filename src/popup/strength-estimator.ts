/**
 * The password-strength estimator (zxcvbn-ts with its common dictionaries). Heavy (hundreds of kB), so it is only
 * ever loaded through `loadStrengthEstimator()` in strength.ts, by the views that set a password.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import type { StrengthReport } from './strength';

// zxcvbn returns feedback as keys; these are our own plain words for them.
const WARNINGS: Record<string, string> = {
  straightRow: 'Rows of keys on the keyboard are easy to guess.',
  keyPattern: 'Short keyboard patterns are easy to guess.',
  simpleRepeat: 'Repeated characters like "aaa" are easy to guess.',
  extendedRepeat: 'Repeated patterns like "abcabcabc" are easy to guess.',
  sequences: 'Sequences like "abc" or "6543" are easy to guess.',
  recentYears: 'Recent years are easy to guess.',
  dates: 'Dates are easy to guess.',
  topTen: 'This is one of the most used passwords.',
  topHundred: 'This is a very often used password.',
  common: 'This is a commonly used password.',
  similarToCommon: 'This is close to a commonly used password.',
  wordByItself: 'A single word is easy to guess.',
  namesByThemselves: 'Names on their own are easy to guess.',
  commonNames: 'Common names are easy to guess.',
  userInputs: 'Do not use personal details.',
  pwned: 'This password appeared in a data breach.',
};
const SUGGESTIONS: Record<string, string> = {
  l33t: 'Avoid predictable letter swaps like "@" for "a".',
  reverseWords: 'Spelling a common word backwards does not help.',
  allUppercase: 'Capitalise some letters, not all.',
  capitalization: 'Capitalise more than the first letter.',
  dates: 'Avoid dates and years that mean something to you.',
  recentYears: 'Avoid recent years.',
  associatedYears: 'Avoid years linked to you.',
  sequences: 'Avoid common character sequences.',
  repeated: 'Avoid repeated words and characters.',
  longerKeyboardPattern: 'Use longer keyboard patterns and change direction several times.',
  anotherWord: 'Add more words that are less common.',
  useWords: 'Use several words, but avoid common phrases.',
  noNeed: 'You can make strong passwords without symbols, numbers or capital letters.',
  pwned: 'If you use this password elsewhere, change it there.',
};

const estimator = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

export function estimateStrength(password: string, userInputs: string[] = []): StrengthReport {
  const result = estimator.check(password, userInputs);
  const warning = result.feedback.warning ? WARNINGS[result.feedback.warning] : undefined;
  return {
    score: result.score,
    ...(warning ? { warning } : {}),
    suggestions: result.feedback.suggestions
      .map((key) => SUGGESTIONS[key])
      .filter((text): text is string => text !== undefined),
  };
}
