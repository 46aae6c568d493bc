/** The home screen. */
import { emptyInput } from '../../domain/common';
import { dashboard } from '../../domain/deadline-entities';
import { method } from '../method';

export const dashboardMethods = {
  /**
   * Across all open cases: overdue and due-this-week deadlines and tasks, IEE requests waiting
   * on the district, cases by stage, upcoming meetings. Each item carries its case reference.
   */
  'dashboard.get': method('The home screen: what is due, waiting and coming up', emptyInput, dashboard),
} as const;
