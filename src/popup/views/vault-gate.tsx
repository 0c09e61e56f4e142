import { useEffect, useState } from 'preact/hooks';
import type { VaultStatusReport } from '../../messaging/protocol';
import { messageOf } from '../format';
import { useServices } from '../services';
import { Problem } from '../components/problem';
import { FirstRun } from './first-run';
import { Unlock } from './unlock';
import { useI18n } from '../../ui/i18n-context';

/** Asks the background for the vault's state once; views report every new state through `onStatus`. */
export function useVaultStatus() {
  const { client } = useServices();
  const [status, setStatus] = useState<VaultStatusReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    client.send({ type: 'ui:vault-status' }).then(setStatus, (error) => setProblem(messageOf(error)));
  }, [client]);
  return { status, setStatus, problem, setProblem };
}

interface GateProps {
  status: VaultStatusReport | null;
  problem: string | null;
  onStatus(status: VaultStatusReport): void;
  /** What to show once the vault is unlocked. */
  unlocked(status: VaultStatusReport): preact.ComponentChildren;
}

/** The view for each vault state: first run, unlock, or (once unlocked) the caller's view. */
export function VaultGate({ status, problem, onStatus, unlocked }: GateProps) {
  const { t } = useI18n();
  if (problem) return <Problem text={problem} />;
  if (!status) return <p>{t('gate_opening')}</p>;
  if (status.state === 'none') return <FirstRun onStatus={onStatus} />;
  if (status.state === 'locked') return <Unlock status={status} onStatus={onStatus} />;
  return <>{unlocked(status)}</>;
}

