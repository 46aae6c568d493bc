/** The profile.* methods. */

import { method } from '../method';
import { z } from 'zod';
import { advocateProfile, advocateProfileFields } from '../../domain/documents';

export const profileMethods = {
  'profile.get': method('The advocate’s name and contact details (letterhead, binder cover)', z.strictObject({}).optional().default({}), advocateProfile),
  'profile.set': method('Save the advocate’s name and contact details', advocateProfileFields, advocateProfile),
} as const;
