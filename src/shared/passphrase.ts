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
/** zxcvbn's top score: at least 1e10 guesses ("Summer2026!!" and "<FamilyName>2014!!" are about 1e8). */
export const MIN_PASSPHRASE_SCORE = 4;

/** Words every guesser of this app's vaults tries first: its own name. */
export const APP_PASSPHRASE_INPUTS = ['Advocate Desk', 'advocate', 'desk', 'advocatedesk', 'caseload', 'vault', 'iep', 'special education'] as const;

export interface PassphraseRating {
  /** 0 (guessable) to 4 (very strong), zxcvbn's scale. */
  score: number;
  isAcceptable: boolean;
  feedback: string;
  /** Estimated time to guess it offline at 10,000 guesses a second (a slow hash, as the key file uses). */
  crackTime: string;
}

/** Names split into words too: "Rivera family" gives "rivera family", "rivera" and "family". */
export function passphraseUserInputs(values: readonly (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const value of values) {
    if (!value) continue;
    const text = value.toLowerCase().trim();
    if (text.length >= 3) words.add(text.slice(0, 100));
    for (const word of text.split(/[^\p{L}\p{N}]+/u)) if (word.length >= 3) words.add(word.slice(0, 100));
  }
  return [...words].slice(0, 2000);
}

/**
 * The vault's only protection is this passphrase (plus the recovery key), so it must resist
 * offline guessing: at least 12 characters and zxcvbn score 4. `userInputs` are words a guesser
 * would try first (the app's name, the advocate's, the vault file's, the caseload's names).
 */
export function ratePassphrase(passphrase: string, userInputs: readonly string[] = []): PassphraseRating {
  const result = estimator().check(passphrase.slice(0, 256), passphraseUserInputs([...APP_PASSPHRASE_INPUTS, ...userInputs]));
  const crackTime = String(result.crackTimes.offlineSlowHashingXPerSecond.display);
  const hints = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    return {
      score: Math.min(result.score, 2),
      isAcceptable: false,
      crackTime,
      feedback: `Use at least ${MIN_PASSPHRASE_LENGTH} characters; a few unrelated words work well.`,
    };
  }
  const isAcceptable = result.score >= MIN_PASSPHRASE_SCORE;
  return {
    score: result.score,
    isAcceptable,
    crackTime,
    feedback: isAcceptable ? hints : hints || 'Add another word or two that are not related to each other.',
  };
}
