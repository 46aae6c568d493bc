/**
 * Protecting the data (issue 7): auto-lock, backups, the audit trail, family export and import,
 * retention review. Shapes shared by main and the renderer.
 */
import { z } from 'zod';
import { recordId } from './common';

// ---------- auto-lock ----------

/** The idle times offered, in minutes, as in Bitwarden; null means never by idle time. */
export const IDLE_MINUTE_CHOICES = [1, 5, 15, 30, 60, 240] as const;

export const autoLockSettings = z.strictObject({
  idleMinutes: z.literal(IDLE_MINUTE_CHOICES).nullable(),
  /** Lock when the computer sleeps or its screen locks. */
  lockOnSleep: z.boolean(),
});
export type AutoLockSettings = z.infer<typeof autoLockSettings>;
export const DEFAULT_AUTO_LOCK: AutoLockSettings = { idleMinutes: 15, lockOnSleep: true };

// ---------- backups ----------

export const BACKUP_KEEP_MAX = 365;

export const backupSettings = z.strictObject({
  /** The folder the advocate picked; null until one is chosen (no backups are written before). */
  folder: z.string().trim().min(1).max(4096).nullable(),
  /** How many backups to keep; older ones of ours are deleted after each successful backup. */
  keep: z.number().int().min(1).max(BACKUP_KEEP_MAX),
  /** A scheduled backup runs when the newest one is older than this; null: on demand only. */
  intervalHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 31)
    .nullable(),
});
export type BackupSettings = z.infer<typeof backupSettings>;
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { folder: null, keep: 7, intervalHours: 24 };

export const backupEntry = z.strictObject({
  fileName: z.string(),
  path: z.string(),
  /** When the backup was taken (ISO timestamp). */
  createdAt: z.string(),
  sizeBytes: z.number().int().nonnegative(),
});
export type BackupEntry = z.infer<typeof backupEntry>;

// ---------- audit ----------

/** One audit row as the viewer shows it: ids and action names only, never names or notes. */
export const auditEntry = z.strictObject({
  id: recordId,
  at: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.number().int().nullable(),
  familyId: z.number().int().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditVerification = z.strictObject({
  isIntact: z.boolean(),
  /** Rows checked. */
  count: z.number().int().nonnegative(),
  /** The first row whose hash or link does not match, or the first missing id at the end. */
  firstBrokenId: z.number().int().nullable(),
  reason: z.string().nullable(),
  /** The newest entry now: its id and hash (what the advocate exports or prints as an anchor). */
  head: z.strictObject({ id: z.number().int().min(1), hash: z.string() }).nullable(),
  /** Anchors kept outside the vault (backup manifests, exported heads) the chain was checked against. */
  anchorsChecked: z.number().int().nonnegative(),
});
export type AuditVerification = z.infer<typeof auditVerification>;

/** A chain head recorded outside the vault: entry id and its hash (64 hex digits). */
export const auditAnchor = z.strictObject({
  id: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'A chain head is 64 hexadecimal digits'),
});
export type AuditAnchorInput = z.infer<typeof auditAnchor>;

// ---------- retention ----------

export const retentionSettings = z.strictObject({
  /** Closed cases older than this are flagged for review (keep, export or purge). Default 7 years. */
  closedCaseReviewAfterMonths: z.number().int().min(1).max(1200),
});
export type RetentionSettings = z.infer<typeof retentionSettings>;
export const DEFAULT_RETENTION: RetentionSettings = { closedCaseReviewAfterMonths: 84 };

export const retentionFlag = z.strictObject({
  caseId: recordId,
  caseTitle: z.string(),
  familyId: recordId,
  familyName: z.string(),
  studentName: z.string(),
  /** The date the case closed (closed_on, or the day it was last changed when only the stage says closed). */
  closedOn: z.string(),
  /** From this date on the case is due for review. */
  reviewDueOn: z.string(),
});
export type RetentionFlag = z.infer<typeof retentionFlag>;
