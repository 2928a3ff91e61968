import type { Migration } from '../migrations';
import { listsMigration } from './001-lists';
import { draftsOutboxAuditMigration } from './drafts-outbox-audit';
import { ccCalledCounterMigration } from './cc-called-counter';
import { complianceMigration } from './compliance';
import { complianceListsMigration } from './compliance-lists';
import { flaggedStatusMigration } from './flagged-status';
import { listCalleeFingerprintMigration } from './list-callee-fingerprint';
import { monitorMigration } from './monitor';
import { monitorAlertsMigration } from './monitor-alerts';
import { submissionRefusalsMigration } from './submission-refusals';

/** Every schema step, in order. Append new steps here (see `Migration`). */
export const MIGRATIONS: readonly Migration[] = [
  listsMigration,
  draftsOutboxAuditMigration,
  monitorMigration,
  submissionRefusalsMigration,
  ccCalledCounterMigration,
  flaggedStatusMigration,
  listCalleeFingerprintMigration,
  complianceMigration,
  complianceListsMigration,
  monitorAlertsMigration,
];
