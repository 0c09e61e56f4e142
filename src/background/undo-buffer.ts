/** Deleted accounts kept for "Undo" for a minute, in SecretMemory (memory only, gone on lock). */
import type { Account } from '../core/otp/account';
import type { SecretMemory } from './secret-memory';

export const UNDO_MS = 60_000;

export class UndoBuffer {
  constructor(private readonly memory: SecretMemory) {}

  keep(token: string, account: Account): void {
    this.memory.put('undo', token, account, UNDO_MS);
  }

  get(token: string): Account | undefined {
    return this.memory.get('undo', token);
  }

  drop(token: string): void {
    this.memory.drop('undo', token);
  }
}
