/**
 * Validation of one brand entry. Cross-brand rules (unique ids, no domain, brand TLD or label
 * claimed by two brands) live in loadCatalogue.
 */
import { err, ok, type Result } from '../../result';
import { checkBrandTldShape, checkHostShape, isAtOrUnder, type ShapeCheck } from './domain-shape';
import { type CatalogueError, type CatalogueErrorCode, catalogueError } from './errors';
import { BRAND_CATEGORIES, type Brand, type BrandCategory } from './types';

const BRAND_FIELDS = new Set([
  'id',
  'name',
  'category',
  'primaryDomain',
  'domains',
  'brandTlds',
  'labels',
  'publicContentHosts',
  'serviceDomains',
  'sources',
]);
const ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const LABEL_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const MIN_LABEL_LENGTH = 3;
const CATEGORIES: ReadonlySet<string> = new Set(BRAND_CATEGORIES);
const isCategory = (value: string): value is BrandCategory => CATEGORIES.has(value);

type Fail = Result<never, CatalogueError>;

/** Where in the catalogue a problem is: the brand (by id once known) and its index. */
interface Place {
  brandId?: string;
  brandIndex: number;
}

const describe = (place: Place): string =>
  place.brandId === undefined ? `Brand at index ${place.brandIndex}` : `Brand "${place.brandId}"`;

const fail = (code: CatalogueErrorCode, place: Place, field: string, detail: string, value?: string): Fail =>
  err(
    catalogueError(code, `${describe(place)}: ${field} ${detail}.`, {
      ...place,
      field,
      ...(value === undefined ? {} : { value }),
    }),
  );

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readString(raw: Record<string, unknown>, field: string, place: Place): Result<string, CatalogueError> {
  const value = raw[field];
  if (value === undefined) return fail('missing-field', place, field, 'is missing');
  if (typeof value !== 'string') return fail('wrong-type', place, field, 'must be a string');
  return ok(value);
}

/** Reads a list of strings; an absent optional list reads as empty. */
function readStringList(
  raw: Record<string, unknown>,
  field: string,
  place: Place,
  required: boolean,
): Result<string[], CatalogueError> {
  const value = raw[field];
  if (value === undefined) return required ? fail('missing-field', place, field, 'is missing') : ok([]);
  if (!Array.isArray(value)) return fail('wrong-type', place, field, 'must be an array of strings');
  if (required && value.length === 0) return fail('empty-list', place, field, 'must not be empty');
  const strings: string[] = [];
  const seen = new Set<string>();
  for (const item of value) {
    if (typeof item !== 'string') return fail('wrong-type', place, field, 'must contain only strings');
    if (seen.has(item)) return fail('duplicate-in-list', place, field, `lists "${item}" twice`, item);
    seen.add(item);
    strings.push(item);
  }
  return ok(strings);
}

const SHAPE_CODES: Record<Exclude<ShapeCheck, { ok: true }>['problem'], CatalogueErrorCode> = {
  'not-ascii': 'domain-not-ascii',
  'not-lower-case': 'domain-not-lower-case',
  'bad-shape': 'invalid-domain',
};

function checkNames(
  values: readonly string[],
  field: string,
  place: Place,
  check: (value: string) => ShapeCheck,
  badShapeCode: CatalogueErrorCode,
): Fail | undefined {
  for (const value of values) {
    const shape = check(value);
    if (!shape.ok) {
      const code = shape.problem === 'bad-shape' ? badShapeCode : SHAPE_CODES[shape.problem];
      return fail(code, place, field, `has "${value}", which ${shape.reason}`, value);
    }
  }
  return undefined;
}

function isValidSource(source: string): boolean {
  try {
    const url = new URL(source);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export function validateBrand(raw: unknown, brandIndex: number): Result<Brand, CatalogueError> {
  const place: Place = { brandIndex };
  if (!isRecord(raw)) return fail('invalid-brand', place, 'brand', 'must be an object');

  const id = readString(raw, 'id', place);
  if (!id.ok) return id;
  if (!ID_PATTERN.test(id.value)) {
    return fail('invalid-brand-id', place, 'id', `"${id.value}" must be lower case [a-z0-9-]`, id.value);
  }
  place.brandId = id.value;

  for (const key of Object.keys(raw)) {
    if (!BRAND_FIELDS.has(key)) return fail('unknown-field', place, key, 'is not a known field', key);
  }

  const name = readString(raw, 'name', place);
  if (!name.ok) return name;
  if (name.value.trim().length === 0) return fail('invalid-name', place, 'name', 'must not be blank');

  const category = readString(raw, 'category', place);
  if (!category.ok) return category;
  if (!isCategory(category.value)) {
    return fail('invalid-category', place, 'category', `"${category.value}" must be one of ${BRAND_CATEGORIES.join(', ')}`, category.value);
  }

  const domains = readStringList(raw, 'domains', place, true);
  if (!domains.ok) return domains;
  const badDomain = checkNames(domains.value, 'domains', place, checkHostShape, 'invalid-domain');
  if (badDomain) return badDomain;

  const primary = readString(raw, 'primaryDomain', place);
  if (!primary.ok) return primary;
  const badPrimary = checkNames([primary.value], 'primaryDomain', place, checkHostShape, 'invalid-domain');
  if (badPrimary) return badPrimary;
  if (!domains.value.includes(primary.value)) {
    return fail('primary-not-in-domains', place, 'primaryDomain', `"${primary.value}" must also be listed in domains`, primary.value);
  }

  const brandTlds = readStringList(raw, 'brandTlds', place, false);
  if (!brandTlds.ok) return brandTlds;
  const badTld = checkNames(brandTlds.value, 'brandTlds', place, checkBrandTldShape, 'invalid-brand-tld');
  if (badTld) return badTld;

  const labels = readStringList(raw, 'labels', place, true);
  if (!labels.ok) return labels;
  for (const label of labels.value) {
    if (!LABEL_PATTERN.test(label) || label.length < MIN_LABEL_LENGTH) {
      return fail(
        'invalid-label',
        place,
        'labels',
        `has "${label}", which must be lower case [a-z0-9-], ${MIN_LABEL_LENGTH} to 63 characters, no outer hyphen`,
        label,
      );
    }
  }

  const publicHosts = readStringList(raw, 'publicContentHosts', place, false);
  if (!publicHosts.ok) return publicHosts;
  const badHost = checkNames(publicHosts.value, 'publicContentHosts', place, checkHostShape, 'invalid-public-content-host');
  if (badHost) return badHost;
  for (const host of publicHosts.value) {
    const underDomain = domains.value.some((domain) => isAtOrUnder(host, domain));
    const underTld = brandTlds.value.some((tld) => host.endsWith(`.${tld}`));
    if (!underDomain && !underTld) {
      return fail(
        'public-content-host-outside-brand',
        place,
        'publicContentHosts',
        `has "${host}", which is not under any of the brand's domains or brand TLDs`,
        host,
      );
    }
  }

  // Brand-owned service domains (CDN, API, user content, status, update): owned, never a sign-in host.
  const serviceDomains = readStringList(raw, 'serviceDomains', place, false);
  if (!serviceDomains.ok) return serviceDomains;
  const badService = checkNames(serviceDomains.value, 'serviceDomains', place, checkHostShape, 'invalid-domain');
  if (badService) return badService;

  const sources = readStringList(raw, 'sources', place, true);
  if (!sources.ok) return sources;
  for (const source of sources.value) {
    if (!isValidSource(source)) return fail('invalid-source', place, 'sources', `has "${source}", which is not an http(s) URL`, source);
  }

  const brand: Brand = {
    id: id.value,
    name: name.value,
    primaryDomain: primary.value,
    domains: domains.value,
    labels: labels.value,
    category: category.value,
    sources: sources.value,
  };
  if (raw.brandTlds !== undefined) brand.brandTlds = brandTlds.value;
  if (raw.publicContentHosts !== undefined) brand.publicContentHosts = publicHosts.value;
  if (raw.serviceDomains !== undefined) brand.serviceDomains = serviceDomains.value;
  return ok(brand);
}
