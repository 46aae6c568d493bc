/** The letters.* methods. */

import { method } from '../method';
import { z } from 'zod';
import {
  letterTemplateSummary,
  LETTER_KIND_IDS,
  letterDraft,
  letterContent,
  letterExportResult,
  letterMarkSentInput,
  letterMarkSentResult,
  letterIeeRequest,
} from '../../domain/documents';
import { recordId, isoDate } from '../../domain/common';

export const lettersMethods = {
  'letters.templates': method('The letter templates', z.strictObject({}).optional().default({}), z.array(letterTemplateSummary)),
  'letters.draft': method(
    'A letter prefilled from the case data, to edit before export. Fields the case data cannot supply are asked for by name (VALIDATION, fields under options.fields).',
    z.strictObject({
      caseId: recordId,
      kind: z.enum(LETTER_KIND_IDS),
      options: z
        .strictObject({
          date: isoDate.optional(),
          agreementId: recordId.optional(),
          ieeRequestId: recordId.optional(),
          meetingId: recordId.optional(),
          /** Template fields the advocate supplies or overrides (areas, concerns, allegations...). */
          fields: z.record(z.string(), z.unknown()).default({}),
        })
        .default({ fields: {} }),
    }),
    letterDraft,
  ),
  'letters.export': method(
    'Render the edited letter as PDF or DOCX, add it to the case’s documents, and return the file (exporting is not sending: see letters.markSent)',
    z.strictObject({
      caseId: recordId,
      kind: z.enum(LETTER_KIND_IDS),
      format: z.enum(['pdf', 'docx']),
      letter: letterContent,
      /** An IEE request letter's request, kept with the letter so it can be marked as sent later. */
      ieeRequest: letterIeeRequest.optional(),
    }),
    letterExportResult,
  ),
  'letters.markSent': method(
    'Record that an exported letter was sent (date, method, to whom): one timeline event, and the clocks that letter starts (records request: the records deadline; IEE request: its tracker entry if none exists)',
    letterMarkSentInput,
    letterMarkSentResult,
  ),
} as const;
