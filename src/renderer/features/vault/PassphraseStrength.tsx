import { Progress, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { PassphraseRating } from '@shared/passphrase';

/** Only zxcvbn's top score is accepted, so a 3 (about 10^8 guesses: hours offline) still reads as not enough. */
const SCORE_LABELS = ['Very weak', 'Weak', 'Fair', 'Guessable', 'Strong'];
const SCORE_COLORS = ['red', 'red', 'orange', 'orange', 'green'];

/** Loads the zxcvbn dictionaries on first use only: they are large and needed on this screen alone. */
export async function ratePassphraseLazily(passphrase: string, userInputs: readonly string[] = []): Promise<PassphraseRating> {
  const { ratePassphrase } = await import('@shared/passphrase');
  return ratePassphrase(passphrase, userInputs);
}

const NO_INPUTS: readonly string[] = [];

/** The same rating main enforces (length and zxcvbn score), shown while typing. */
export function PassphraseStrength({ passphrase, userInputs = NO_INPUTS }: { passphrase: string; userInputs?: readonly string[] }) {
  const [debounced] = useDebouncedValue(passphrase, 150);
  const [rating, setRating] = useState<PassphraseRating | null>(null);
  const inputsKey = userInputs.join('\n');

  useEffect(() => {
    let isCurrent = true;
    if (!debounced) {
      setRating(null);
      return;
    }
    void ratePassphraseLazily(debounced, inputsKey ? inputsKey.split('\n') : []).then((next) => {
      if (isCurrent) setRating(next);
    });
    return () => {
      isCurrent = false;
    };
    // Keyed on the joined words, so a new array with the same words does not re-rate.
  }, [debounced, inputsKey]);

  const score = rating?.score ?? 0;
  return (
    <Stack gap={4} aria-live="polite">
      <Progress value={rating ? (score + 1) * 20 : 0} color={SCORE_COLORS[score]} size="sm" aria-label="Passphrase strength" transitionDuration={150} />
      <Text size="xs" c="dimmed">
        {rating ? (
          <>
            <Text span fw={600} c={SCORE_COLORS[score]} size="xs">
              {SCORE_LABELS[score]}
            </Text>
            {rating.isAcceptable ? ' – good enough to protect the vault. ' : ' – not accepted yet. '}
            Time to guess it offline: about {rating.crackTime}. {rating.feedback}
          </>
        ) : (
          'At least 12 characters. A few unrelated words are easy to remember and hard to guess.'
        )}
      </Text>
    </Stack>
  );
}
