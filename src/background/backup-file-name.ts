/** "otp-guard-backup-2026-11-29.json": sortable, and says what it is. */
export function backupFileName(kind: 'backup' | 'vault-before-reset', epochMs: number): string {
  return `otp-guard-${kind}-${new Date(epochMs).toISOString().slice(0, 10)}.json`;
}
