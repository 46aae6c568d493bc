import type { VaultDb } from '../db/connection';

/** What a service needs: the open database and the clock (injectable, for tests). */
export interface ServiceContext {
  db: VaultDb;
  now: () => Date;
}
