/** Every way a vault operation can fail, as values with a code and a message naming the reason. */
export type VaultError =
  | { code: 'no-vault'; message: string }
  | { code: 'vault-exists'; message: string }
  | { code: 'wrong-password'; message: string }
  | { code: 'too-many-attempts'; message: string; retryAfterMs: number }
  | { code: 'corrupt-header'; message: string }
  | { code: 'unsupported-format'; message: string; format: number }
  | { code: 'kdf-below-floor'; message: string; field: string }
  | { code: 'kdf-above-ceiling'; message: string; field: string }
  | { code: 'conflict'; message: string; expectedRevision: number; actualRevision: number }
  | { code: 'read-only-newer-version'; message: string; format: number }
  | { code: 'quota-exceeded'; message: string; neededBytes: number; quotaBytes: number }
  | { code: 'storage-failed'; message: string }
  | { code: 'invalid-input'; message: string; field: string }
  | { code: 'vault-replaced'; message: string }
  | { code: 'session-key-mismatch'; message: string }
  | { code: 'session-key-unavailable'; message: string }
  | { code: 'backup-invalid'; message: string; field: string }
  | { code: 'backup-damaged'; message: string; entryId: string; entryName: string }
  | { code: 'different-vault'; message: string }
  | { code: 'sync-incomplete'; message: string };

export type VaultErrorCode = VaultError['code'];

export const vaultError = {
  storage: (operation: string, cause: unknown): VaultError => ({
    code: 'storage-failed',
    message: `storage ${operation} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
  }),
  invalid: (field: string, reason: string): VaultError => ({
    code: 'invalid-input',
    field,
    message: `${field}: ${reason}`,
  }),
  conflict: (expectedRevision: number, actualRevision: number): VaultError => ({
    code: 'conflict',
    expectedRevision,
    actualRevision,
    message: `the vault changed elsewhere (revision ${actualRevision}, this view has ${expectedRevision}); reload and retry`,
  }),
  readOnly: (format: number): VaultError => ({
    code: 'read-only-newer-version',
    format,
    message: `this vault was written by a newer version of OTP Guard (format ${format}); it is read-only here — update the extension to change it`,
  }),
};
