import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { CheckedLink } from '../../messaging/protocol-store';
import { rich, slot, useI18n } from '../../ui/i18n-context';
import { useServices } from '../services';
import { ThisPage } from './this-page';

/** Shows what was judged (the pasted text's link) above the same verdict view as the page panel. */
function Checked({ load }: { load: () => Promise<CheckedLink> }) {
  const { client } = useServices();
  const { t } = useI18n();
  const [checked, setChecked] = useState<string | null>(null);
  const report = useCallback(
    () =>
      load().then((result) => {
        setChecked(result.checked);
        return result.report;
      }),
    [load],
  );
  return (
    <div class="checked-link">
      {checked && (
        <p class="hint" data-testid="checked-link">
          {rich(t('popup_check_link_checked', slot(0)), <span class="mono">{checked}</span>)}
        </p>
      )}
      <ThisPage client={client} link={report} />
    </div>
  );
}

/**
 * "Check a link": paste a link or an address from an SMS, a chat or an e-mail and see the verdict before opening it.
 * Nothing is opened or fetched: the background judges the text's first link by its address alone.
 */
export function CheckLink() {
  const { client } = useServices();
  const { t } = useI18n();
  const field = useRef<HTMLTextAreaElement>(null);
  // Opened from the header's "Check a link": the field is where the user goes next.
  useEffect(() => field.current?.focus(), []);
  const [text, setText] = useState('');
  const [asked, setAsked] = useState<{ text: string; count: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: Event) {
    event.preventDefault();
    setProblem(null);
    if (text.trim() === '') {
      setProblem(t('popup_check_link_empty'));
      return;
    }
    // A new count each time: the verdict view loads again even for the same text.
    setAsked({ text, count: (asked?.count ?? 0) + 1 });
  }
  const load = useCallback(
    () => client.send({ type: 'ui:check-link', text: asked?.text ?? '' }),
    [client, asked],
  );

  return (
    <section class="check-link" aria-label={t('popup_check_link_toggle')}>
      <form onSubmit={submit}>
        <label for="check-link-text">{t('popup_check_link_label')}</label>
        <textarea
          ref={field}
          id="check-link-text"
          rows={2}
          maxLength={4096}
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <button type="submit">{t('popup_check_link_button')}</button>
      </form>
      <div role="status" class="live">
        {problem && (
          <p class="error" data-testid="check-link-problem">
            {problem}
          </p>
        )}
      </div>
      {asked && <Checked key={asked.count} load={load} />}
    </section>
  );
}

/** The window opened by the right-click "Check this link": the link comes from the background, never from the URL. */
export function MenuLinkCheck() {
  const { client } = useServices();
  const { t } = useI18n();
  const load = useCallback(() => client.send({ type: 'ui:menu-link' }), [client]);
  return (
    <section class="menu-link-check" aria-label={t('popup_menu_link_title')}>
      <h1>{t('popup_menu_link_title')}</h1>
      <Checked load={load} />
      <p class="hint">{t('popup_menu_link_hint')}</p>
    </section>
  );
}
