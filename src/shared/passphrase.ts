import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

let factory: ZxcvbnFactory | null = null;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return factory;
}

export const MIN_PASSPHRASE_LENGTH = 12;
export const MIN_PASSPHRASE_SCORE = 3;

export interface PassphraseRating {
  /** 0 (guessable) to 4 (very strong), zxcvbn's scale. */
  score: number;
  isAcceptable: boolean;
  feedback: string;
}

/**
 * The vault's only protection is this passphrase (plus the recovery key), so it must resist
 * offline guessing: at least 12 characters and zxcvbn score 3 ("safely unguessable").
 */
export function ratePassphrase(passphrase: string): PassphraseRating {
  const result = estimator().check(passphrase.slice(0, 256));
  const hints = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    return {
      score: Math.min(result.score, 2),
      isAcceptable: false,
      feedback: `Use at least ${MIN_PASSPHRASE_LENGTH} characters; a few unrelated words work well.`,
    };
  }
  const isAcceptable = result.score >= MIN_PASSPHRASE_SCORE;
  return {
    score: result.score,
    isAcceptable,
    feedback: isAcceptable ? hints : hints || 'Add another word or two that are not related to each other.',
  };
}
