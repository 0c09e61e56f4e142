/**
 * The brand catalogue: which registrable domains each brand owns, which names a lookalike
 * imitates, and which hosts under a brand's domains carry content anyone can publish.
 * A wrong "owned" domain would let a phishing site verify, so the shipped data is validated
 * strictly (see validate-brand.ts) and the format is documented in docs/brand-catalogue.md.
 */
import { err, ok, type Result } from '../../result';
import brandsJson from './brands.json';
import { type CatalogueError, catalogueError } from './errors';
import type { Brand, Catalogue } from './types';
import { validateBrand } from './validate-brand';

export type { CatalogueError, CatalogueErrorCode } from './errors';

export { BRAND_CATEGORIES } from './types';
export type { Brand, BrandCategory, Catalogue } from './types';

const VERSION_PATTERN = /^(\d{4})\.(\d{2})\.(\d{2})$/;
const ROOT_FIELDS = new Set(['version', 'brands']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isValidVersion = (version: string): boolean => {
  const match = VERSION_PATTERN.exec(version);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
};

/** Shared data: freeze it so one consumer cannot change what another sees. */
const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
};

/**
 * Validates an untrusted JSON value as a catalogue. Never throws; the first problem found
 * comes back as a typed error naming the brand and field. The returned catalogue is a
 * frozen copy, so later changes to the input do not leak in.
 */
export function loadCatalogue(json: unknown): Result<Catalogue, CatalogueError> {
  if (!isRecord(json)) {
    return err(catalogueError('invalid-root', 'The catalogue must be a JSON object with "version" and "brands".'));
  }
  for (const key of Object.keys(json)) {
    if (!ROOT_FIELDS.has(key)) {
      return err(catalogueError('unknown-field', `The catalogue has an unknown top-level field "${key}".`, { field: key }));
    }
  }
  const { version, brands } = json;
  if (typeof version !== 'string' || !isValidVersion(version)) {
    return err(
      catalogueError('invalid-version', 'The catalogue "version" must be a date "YYYY.MM.DD" (the day of the last change).', {
        field: 'version',
      }),
    );
  }
  if (!Array.isArray(brands) || brands.length === 0) {
    return err(catalogueError('invalid-brands', 'The catalogue "brands" must be a non-empty array.', { field: 'brands' }));
  }

  const brandIds = new Set<string>();
  const domainOwner = new Map<string, string>();
  const tldOwner = new Map<string, string>();
  const labelOwner = new Map<string, string>();
  const validated: Brand[] = [];

  for (const [index, raw] of brands.entries()) {
    const result = validateBrand(raw, index);
    if (!result.ok) return result;
    const brand = result.value;

    if (brandIds.has(brand.id)) {
      return err(
        catalogueError('duplicate-brand-id', `Brand id "${brand.id}" is used twice (again at index ${index}).`, {
          brandId: brand.id,
          brandIndex: index,
          field: 'id',
          value: brand.id,
        }),
      );
    }
    brandIds.add(brand.id);

    const claims: Array<[Map<string, string>, readonly string[], 'domains' | 'serviceDomains' | 'brandTlds' | 'labels']> = [
      [domainOwner, brand.domains, 'domains'],
      [domainOwner, brand.serviceDomains ?? [], 'serviceDomains'],
      [tldOwner, brand.brandTlds ?? [], 'brandTlds'],
      [labelOwner, brand.labels, 'labels'],
    ];
    for (const [owners, values, field] of claims) {
      for (const value of values) {
        const owner = owners.get(value);
        if (owner !== undefined) {
          return err(
            catalogueError(
              'claimed-by-two-brands',
              `Brand "${brand.id}" lists ${field} "${value}", which brand "${owner}" already claims.`,
              { brandId: brand.id, brandIndex: index, field, value },
            ),
          );
        }
        owners.set(value, brand.id);
      }
    }
    validated.push(brand);
  }

  return ok(deepFreeze({ version, brands: validated }));
}

function loadBuiltIn(): Catalogue {
  const result = loadCatalogue(brandsJson);
  // A broken shipped file is a build-time defect, caught by the catalogue tests; failing loudly
  // at load beats silently guarding with a partial catalogue.
  if (!result.ok) throw new Error(`brands.json is invalid: ${result.error.message}`);
  return result.value;
}

/** The shipped catalogue (brands.json), validated at import. */
export const builtInCatalogue: Catalogue = loadBuiltIn();
