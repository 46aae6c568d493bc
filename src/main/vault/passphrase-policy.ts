import { AppError } from '@shared/api/errors';
import { ratePassphrase } from '@shared/passphrase';

/** Main enforces the same rule the form shows, so a modified renderer cannot weaken it. */
export function assertStrongPassphrase(passphrase: string): void {
  const rating = ratePassphrase(passphrase);
  if (!rating.isAcceptable) {
    throw new AppError('WEAK_PASSPHRASE', rating.feedback || 'Choose a longer passphrase.', { passphrase: rating.feedback });
  }
}
