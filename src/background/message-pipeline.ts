/**
 * What happens to every runtime message, in order: the sender's role from the browser's own data;
 * for an accepted sender, the lock state settled (a due auto-lock wins over a session resume; while
 * locked no secret stays in memory; a degraded session retries its reload); the router; then a use
 * by an extension page pushes the auto-lock deadline out.
 */
import type { Reply } from '../messaging/protocol';
import type { SenderRole } from '../messaging/sender';

export interface LockState {
  autoLock: { lockIfDue(): Promise<boolean>; touch(minutes: number): Promise<void> };
  vault: {
    readonly unlocked: boolean;
    readonly degraded: string | null;
    resume(): Promise<boolean>;
    reload(): Promise<void>;
    lock(): Promise<boolean>;
  };
  secrets: { clear(): void };
}

/** Settles the lock state; any failure on the way ends locked. */
export async function settleLockState({ autoLock, vault, secrets }: LockState): Promise<void> {
  try {
    await autoLock.lockIfDue();
    await vault.resume();
    if (vault.unlocked && vault.degraded) await vault.reload();
  } catch (error) {
    console.error('[otp-guard] the lock state could not be settled: locking', error);
    await vault.lock().catch(() => false);
  }
  if (!vault.unlocked) secrets.clear();
}

export interface PipelineDeps extends LockState {
  classify(sender: unknown): SenderRole;
  route(message: unknown, role: SenderRole): Promise<Reply<unknown>>;
  autoLockMinutes(): Promise<number>;
}

export function messagePipeline(deps: PipelineDeps) {
  return async (message: unknown, sender: unknown): Promise<Reply<unknown>> => {
    const role = deps.classify(sender);
    if (role.role !== 'refused') await settleLockState(deps);
    const reply = await deps.route(message, role);
    if (role.role === 'extension-page' && deps.vault.unlocked) {
      // A deadline that cannot be pushed out stays where it was: the vault locks earlier, not later.
      await deps
        .autoLockMinutes()
        .then((minutes) => deps.autoLock.touch(minutes))
        .catch((error: unknown) => console.error('[otp-guard] auto-lock deadline not extended', error));
    }
    return reply;
  };
}
