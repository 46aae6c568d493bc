/** The IEE tracker (34 CFR 300.502). */
import { z } from 'zod';
import { emptyInput, recordId } from '../../domain/common';
import { ieeFields, ieeRequest, ieeSettings } from '../../domain/iee-entities';
import { method, ok } from '../method';

export const ieeMethods = {
  /** A case's IEE requests with how long the district has been silent on each. */
  'iee.list': method("A case's IEE requests with district silence", z.strictObject({ caseId: recordId }), z.array(ieeRequest)),
  /** Record an IEE request; its response clock starts at the request date. */
  'iee.create': method('Record an IEE request', z.strictObject({ caseId: recordId, fields: ieeFields }), ieeRequest),
  /** Edit an IEE request (the district's response, evaluator, report, meeting...). */
  'iee.update': method('Edit an IEE request', z.strictObject({ id: recordId, fields: ieeFields }), ieeRequest),
  /** Delete an IEE request; its derived response deadline goes with it. */
  'iee.delete': method('Delete an IEE request', z.strictObject({ id: recordId }), ok),
  /** The default silence threshold for new requests. */
  'iee.getSettings': method('IEE tracker settings', emptyInput, ieeSettings),
  /** Change the default silence threshold for new requests (existing requests keep theirs). */
  'iee.setSettings': method(
    'Change the IEE silence threshold for new requests',
    z.strictObject({ defaultSilenceThresholdBusinessDays: z.number().int().min(1).max(120) }),
    ieeSettings,
  ),
} as const;
