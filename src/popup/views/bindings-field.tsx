/**
 * Where an account's code is asked, as the user sees and edits it: one row per binding — a whole site
 * (`amazon.com`) or a host and everything below it (`aws.amazon.com`). A row that came from a site keeps
 * that site as `within`, so narrowing `amazon.com` to `aws.amazon.com` in place is checked by the
 * background to stay inside amazon.com; a new row names any site. Views never parse hosts themselves:
 * refusals (public suffix, IP address, outside the site, malformed) come back in the core's own words.
 */
import type { BindingInput } from '../../messaging/protocol';
import { Problem } from '../components/problem';
import { useI18n } from '../../ui/i18n-context';

export interface BindingRow {
  /** Stable key for preact while rows come and go. */
  readonly key: number;
  readonly host: string;
  /** The registrable domain this row started on; the edited host must stay inside it. */
  readonly within?: string;
}

let nextKey = 1;
const newKey = () => nextKey++;

/** The site of `host` among the account's `sites` (longest match), by whole labels. */
function siteOf(host: string, sites: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const site of sites) {
    if ((host === site || host.endsWith(`.${site}`)) && site.length > (best?.length ?? 0)) best = site;
  }
  return best;
}

/** Rows for what the background reported: `hosts` (bindings; the sites themselves when absent) within `sites`. */
export function initialRows(hosts: readonly string[] | undefined, sites: readonly string[]): BindingRow[] {
  return (hosts ?? sites).map((host) => {
    const within = siteOf(host, sites);
    return within ? { key: newKey(), host, within } : { key: newKey(), host };
  });
}

/** What update-account / commit-pending take: empty rows dropped, a row's site sent as `within`. */
export function rowsToInputs(rows: readonly BindingRow[]): BindingInput[] {
  return rows
    .map((row) => ({ host: row.host.trim(), within: row.within }))
    .filter((row) => row.host !== '')
    .map((row) => (row.within ? { host: row.host, within: row.within } : row.host));
}

type Scope = 'site' | 'host' | null;

/** Whole site or "this host and below" — known only for rows that started on a site. */
function scopeOf(row: BindingRow): Scope {
  const host = row.host.trim().toLowerCase().replace(/\.$/, '');
  if (!row.within) return null;
  if (host === row.within) return 'site';
  return host.endsWith(`.${row.within}`) ? 'host' : null;
}

interface Props {
  idPrefix: string;
  legend: string;
  rows: readonly BindingRow[];
  onChange(rows: BindingRow[]): void;
  /** A refusal for these bindings, shown right under them. */
  problem?: string | null;
}

export function BindingsField({ idPrefix, legend, rows, onChange, problem }: Props) {
  const { t } = useI18n();
  const hintId = `${idPrefix}-bindings-hint`;
  const setHost = (key: number, host: string) => onChange(rows.map((row) => (row.key === key ? { ...row, host } : row)));
  const remove = (key: number) => onChange(rows.filter((row) => row.key !== key));
  return (
    <fieldset class="bindings" data-testid="bindings" aria-describedby={hintId}>
      <legend>{legend}</legend>
      <p class="hint" id={hintId}>
        {t('bindings_hint')}
      </p>
      {rows.length === 0 && <p class="warn">{t('bindings_none')}</p>}
      <ul>
        {rows.map((row, index) => {
          const scope = scopeOf(row);
          return (
            <li key={row.key} data-testid="binding-row">
              <input
                aria-label={t('bindings_row_label', index + 1)}
                value={row.host}
                placeholder="example.com"
                onInput={(event) => setHost(row.key, event.currentTarget.value)}
              />
              {scope && <span class="scope">{t(scope === 'site' ? 'bindings_scope_site' : 'bindings_scope_host')}</span>}
              <button type="button" onClick={() => remove(row.key)}>
                {t('bindings_remove', row.host.trim() || String(index + 1))}
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={() => onChange([...rows, { key: newKey(), host: '' }])}>
        {t('bindings_add')}
      </button>
      <Problem text={problem} testId={`${idPrefix}-bindings-problem`} />
    </fieldset>
  );
}
