/**
 * How issuer names are compared: Unicode-normalised, case-folded, letters and digits only, as a whole.
 * "Amazon Web Services", "amazon web-services" and "AMAZON WEB SERVICES" are one key; "X" is "x" and
 * never matches inside "Xero" or "Box": short names match only as the whole name.
 */
export const aliasKey = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
