/** Cases (matters) and the contacts on them. */
import { z } from 'zod';
import { recordId } from '../../domain/common';
import { caseDetail, caseFields, caseListItem, caseRecord, CASE_SORTS } from '../../domain/entities';
import { CASE_STAGES } from '../../domain/vocabulary';
import { method, ok } from '../method';

export const caseMethods = {
  'cases.list': method(
    'The caseload: search, filter by stage and district, sort',
    z
      .strictObject({
        search: z.string().trim().max(200).optional(),
        stages: z.array(z.enum(CASE_STAGES)).max(CASE_STAGES.length).optional(),
        districtId: recordId.optional(),
        includeArchived: z.boolean().default(false),
        sort: z.enum(CASE_SORTS).default('recent_activity'),
      })
      .default({ includeArchived: false, sort: 'recent_activity' }),
    z.array(caseListItem),
  ),
  'cases.get': method('One case with student, family, district and contacts', z.strictObject({ id: recordId }), caseDetail),
  'cases.create': method('Open a case for a student', caseFields, caseRecord),
  'cases.update': method('Edit a case', z.strictObject({ id: recordId, fields: caseFields.omit({ studentId: true }) }), caseRecord),
  'cases.setArchived': method('Archive or restore a case', z.strictObject({ id: recordId, archived: z.boolean() }), caseRecord),
  'cases.linkContact': method('Add a contact to a case', z.strictObject({ caseId: recordId, contactId: recordId }), ok),
  'cases.unlinkContact': method('Remove a contact from a case', z.strictObject({ caseId: recordId, contactId: recordId }), ok),
} as const;
