/** The districts.* methods. */

import { method } from '../method';
import { emptyInput, recordId } from '../../domain/common';
import { z } from 'zod';
import { district, districtFields } from '../../domain/entities';

export const districtsMethods = {
  'districts.list': method('All districts', emptyInput, z.array(district)),
  'districts.create': method('Add a district', districtFields, district),
  'districts.update': method('Edit a district', z.strictObject({ id: recordId, fields: districtFields }), district),
} as const;
