export type CatalogueErrorCode =
  | 'invalid-root'
  | 'invalid-version'
  | 'invalid-brands'
  | 'invalid-brand'
  | 'unknown-field'
  | 'missing-field'
  | 'wrong-type'
  | 'empty-list'
  | 'invalid-brand-id'
  | 'invalid-name'
  | 'invalid-category'
  | 'invalid-domain'
  | 'domain-not-lower-case'
  | 'domain-not-ascii'
  | 'duplicate-in-list'
  | 'primary-not-in-domains'
  | 'invalid-brand-tld'
  | 'invalid-label'
  | 'invalid-public-content-host'
  | 'public-content-host-outside-brand'
  | 'invalid-source'
  | 'duplicate-brand-id'
  | 'claimed-by-two-brands';

export interface CatalogueError {
  readonly code: CatalogueErrorCode;
  /** Plain words, naming the brand and field. */
  readonly message: string;
  /** The brand's id when it could be read. */
  readonly brandId?: string;
  /** Position of the brand in `brands`. */
  readonly brandIndex?: number;
  /** The offending field ("domains", "primaryDomain", ...). */
  readonly field?: string;
  /** The offending value, when it is a string. */
  readonly value?: string;
}

export const catalogueError = (
  code: CatalogueErrorCode,
  message: string,
  details: Omit<CatalogueError, 'code' | 'message'> = {},
): CatalogueError => ({ code, message, ...details });
