/** The retention.* methods. */

import { method } from '../method';
import { emptyInput } from '../../domain/common';
import { retentionSettings, retentionFlag } from '../../domain/protection';
import { z } from 'zod';

export const retentionMethods = {
  'retention.getSettings': method('Retention settings', emptyInput, retentionSettings),
  'retention.setSettings': method('Change the retention settings', retentionSettings, retentionSettings),
  /** Closed cases older than the retention period, for review. Nothing is deleted automatically. */
  'retention.flagged': method('Closed cases due for a retention review', emptyInput, z.array(retentionFlag)),
} as const;
