import type { AccountView } from '../../messaging/protocol';
import { groupCode } from '../format';
import { type SecondTicker, useNow } from '../ticker';
import { useI18n } from '../../ui/i18n-context';

/** The next code is shown in the last seconds of a period, so the user can wait for it instead of racing. */
export const NEXT_CODE_SECONDS = 5;

export function secondsLeft(account: AccountView, fetchedAt: number, now: number): number {
  return Math.max(0, account.secondsRemaining - Math.floor((now - fetchedAt) / 1000));
}

/** The only part of a row that changes every second. */
export function CodeTimer({ account, fetchedAt, ticker }: { account: AccountView; fetchedAt: number; ticker: SecondTicker }) {
  const now = useNow(ticker);
  const { t } = useI18n();
  const left = secondsLeft(account, fetchedAt, now);
  const showNext = account.nextCode !== undefined && left <= NEXT_CODE_SECONDS;
  return (
    <span class="timer">
      <span class={left <= NEXT_CODE_SECONDS ? 'seconds ending' : 'seconds'} title={t('timer_title')}>
        {t('timer_seconds', left)}
      </span>
      {showNext && (
        <span class="next-code" data-testid="next-code">
          {t('timer_next', groupCode(account.nextCode ?? ''))}
        </span>
      )}
    </span>
  );
}
