import { describe, expect, it } from 'vitest';
import { describeRequirement } from '../../scripts/lib/describeRequirement.ts';
import { TABLES } from '../../scripts/lib/schemas.ts';

describe('describeRequirement', () => {
  it('reads each table’s condition from its schema', () => {
    expect(describeRequirement(TABLES.accreditations, 'awarded_on')).toBe(
      'Required unless Status is "applied".',
    );
    expect(describeRequirement(TABLES.documents, 'sha256')).toBe(
      'Required when Verified on is given.',
    );
    expect(describeRequirement(TABLES.commissioners, 'nhs_region')).toBe(
      'Required when Type is "integrated-care-board" or "nhs-trust".',
    );
  });

  it('says nothing of fields the condition does not require', () => {
    expect(describeRequirement(TABLES.accreditations, 'scope')).toBeUndefined();
    expect(describeRequirement(TABLES.providers, 'name')).toBeUndefined();
  });

  it('follows the schema when it changes', () => {
    const changed = {
      ...TABLES.documents,
      schema: {
        ...TABLES.documents.schema,
        if: { properties: { format: { enum: ['pdf'] } } },
        then: { required: ['url'] },
      },
    };
    expect(describeRequirement(changed, 'url')).toBe('Required when Format is "pdf".');
  });
});
