import type { VaultDb } from '../db/connection';
import type { EventPayload } from '@shared/api/events';
import type { BinderEngine } from '../pdf/binder-in-worker';

/** What a service needs: the open database and the clock (injectable, for tests). */
export interface ServiceContext {
  db: VaultDb;
  now: () => Date;
  /** Where binders are assembled: the PDF worker in the service process; this thread when absent (CLI, bench). */
  binderEngine?: BinderEngine | undefined;
  /** Reports a long job's progress (pushed to the renderer as a `jobs.progress` event). */
  reportJob?: ((progress: EventPayload<'jobs.progress'>) => void) | undefined;
}
