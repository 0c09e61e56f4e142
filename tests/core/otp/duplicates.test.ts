import { describe, expect, it } from 'vitest';
import { accountFromDraft } from '../../../src/core/otp/account';
import { classifyDrafts } from '../../../src/core/otp/duplicates';
import { draft } from './helpers';

const A = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const B = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const C = 'ONSWG4TFORZWK3DMN5QWC3DMN5XGK4TB';

describe('classifyDrafts', () => {
  const existing = [accountFromDraft(draft('Amazon', 'bob@example.com', A), { id: 'saved-1', createdAt: 0, order: 0 })];

  it('flags the same secret under another name', () => {
    const result = classifyDrafts([draft('Renamed', 'other', A)], existing);
    expect(result.fresh).toEqual([]);
    expect(result.duplicates).toMatchObject([{ existingId: 'saved-1', batchIndex: null, why: 'same-secret' }]);
  });

  it('flags the same issuer and account (case and width insensitive) with another secret', () => {
    const result = classifyDrafts([draft('AMAZON', ' Bob@Example.com ', B)], existing);
    expect(result.duplicates).toMatchObject([{ existingId: 'saved-1', why: 'same-issuer-account' }]);
  });

  it('flags duplicates within the batch against the earlier draft', () => {
    const batch = [draft('GitHub', 'me', B), draft('GitHub', 'me', C), draft('Other', 'x', B), draft('New', 'n', C)];
    const result = classifyDrafts(batch, existing);
    expect(result.fresh).toEqual([batch[0], batch[3]]);
    expect(result.duplicates).toMatchObject([
      { draft: batch[1], existingId: null, batchIndex: 0, why: 'same-issuer-account' },
      { draft: batch[2], existingId: null, batchIndex: 0, why: 'same-secret' },
    ]);
  });

  it('does not match accounts on an empty account name', () => {
    const result = classifyDrafts([draft('Amazon', '', B), draft('Amazon', '', C)], []);
    expect(result.fresh).toHaveLength(2);
  });
});
