/**
 * The core's reason codes in the user's words. Pure: the shells pass their I18n (popup, warning and
 * confirmation pages, the background for the in-page banner, the CLI in English).
 */
import type { ComboForm, Reason, Swap, TypoKind } from '../core/domain/reasons';
import type { I18n, MessageKey } from './i18n';

const TYPO: Record<TypoKind, MessageKey> = {
  transposed: 'typo_transposed',
  vowel: 'typo_vowel',
  'neighbour-key': 'typo_neighbour_key',
  'bit-flip': 'typo_bit_flip',
  'replaced-one': 'typo_replaced_one',
  'replaced-several': 'typo_replaced_several',
  repeated: 'typo_repeated',
  'extra-one': 'typo_extra_one',
  'extra-several': 'typo_extra_several',
  missing: 'typo_missing',
  several: 'typo_several',
};

const COMBO: Record<ComboForm, MessageKey> = {
  words: 'reason_combo_words',
  'login-words': 'reason_combo_login_words',
  numbers: 'reason_combo_numbers',
  glued: 'reason_combo_glued',
  'glued-login': 'reason_combo_glued_login',
  subdomain: 'reason_combo_subdomain',
};

/** "0 for o, rn for m" in the reader's language and list style. */
function swapList(swaps: readonly Swap[], { t, locale }: I18n): string {
  const parts = swaps.map((swap) => t('reason_swap', swap.text, swap.looksLike));
  try {
    return new Intl.ListFormat(locale.replace('_', '-'), { type: 'conjunction' }).format(parts);
  } catch {
    return parts.join(', ');
  }
}

export function reasonText(reason: Reason, i18n: I18n): string {
  const { t } = i18n;
  switch (reason.code) {
    case 'homoglyph':
      if (reason.form === 'swaps' && reason.swaps?.length) return t('reason_homoglyph_swaps', swapList(reason.swaps, i18n), reason.brand);
      return t(reason.form === 'near' ? 'reason_homoglyph_near' : 'reason_homoglyph_characters', reason.brand);
    case 'ascii-swap':
      return t('reason_ascii_swap', reason.brand, swapList(reason.swaps, i18n));
    case 'mixed-script':
      return t('reason_mixed_script');
    case 'whole-script':
      return t('reason_whole_script');
    case 'target-embedding':
      return t('reason_target_embedding', reason.domain);
    case 'hyphenation':
      return t(reason.inSubdomain ? 'reason_hyphenation_subdomain' : 'reason_hyphenation', reason.brand);
    case 'free-hosting':
      return reason.suffix ? t('reason_free_hosting_named', reason.brand, reason.suffix) : t('reason_free_hosting', reason.brand);
    case 'tld-swap':
      return t('reason_tld_swap', reason.owner, reason.domain);
    case 'edit-distance':
      return t('reason_edit_distance', reason.brand, t(TYPO[reason.typo]));
    case 'combosquatting':
      return t(COMBO[reason.form], reason.brand, reason.form === 'subdomain' ? (reason.domain ?? '') : (reason.words ?? []).join('-'));
    case 'tld-in-name':
      return reason.spelled ? t('reason_tld_in_name_spelled', reason.spelled) : t('reason_tld_in_name');
    case 'subdomain-split':
      return t('reason_subdomain_split', reason.brand);
    case 'insecure':
      return t('reason_insecure');
    case 'public-content':
      return t('reason_public_content');
    case 'brand-owned':
      return t('reason_brand_owned', reason.owner);
  }
}
