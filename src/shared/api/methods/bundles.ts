/** The bundles.* methods. */

import { method } from '../method';
import { z } from 'zod';
import { recordId } from '../../domain/common';
import { binderBuildOptions, binderPlan, binderJobId, binderBuildResult } from '../../domain/documents';

export const bundlesMethods = {
  'bundles.binderPlan': method(
    'The binder’s sections with the documents that would go in each, for reordering and including or excluding',
    z.strictObject({ caseId: recordId, options: binderBuildOptions }),
    binderPlan,
  ),
  'bundles.buildBinder': method(
    'Build the mediation binder for a case; the renderer saves the returned PDF where the user picks. Its progress arrives as jobs.progress events with the same jobId.',
    z.strictObject({ caseId: recordId, jobId: binderJobId.optional(), options: binderBuildOptions }),
    binderBuildResult,
  ),
} as const;
