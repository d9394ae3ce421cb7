import { describe, expect, it } from 'vitest';
import { fieldErrors } from './form-data';
import { recommendationUpdateFormSchema, recommendationUpdateSchema } from './recommendation';

describe('recommendation update input: PATCH semantics for the form and the API', () => {
  it('update input: only expectedVersion is required; absent fields stay absent', () => {
    expect(recommendationUpdateSchema.parse({ expectedVersion: 2 })).toEqual({ expectedVersion: 2 });
  });

  it('update input: a form sends repeated keys with a blank marker; unticking every secondary theme clears them', () => {
    const parsed = recommendationUpdateFormSchema.parse({
      recommendationId: 'rec1',
      expectedVersion: '4',
      primaryThemeId: 'th1',
      secondaryThemeIds: '',
      sectorIds: ['', 's1', 's2'],
      priority: 'HIGH',
      targetDate: '',
    });
    expect(parsed).toMatchObject({ expectedVersion: 4, secondaryThemeIds: [], sectorIds: ['s1', 's2'], priority: 'HIGH', targetDate: null });
  });

  it('update input: JSON arrays, a target date and null to clear it', () => {
    expect(recommendationUpdateSchema.parse({ expectedVersion: 1, sectorIds: ['s1'], targetDate: '2027-06-30' }).targetDate).toEqual(
      new Date('2027-06-30T00:00:00Z'),
    );
    expect(recommendationUpdateSchema.parse({ expectedVersion: 1, targetDate: null }).targetDate).toBeNull();
  });

  it('update input: no owner sector, a bad priority and a bad date are each reported', () => {
    const result = recommendationUpdateSchema.safeParse({ expectedVersion: 1, sectorIds: [''], priority: 'URGENT', targetDate: '31/12/2027' });
    expect(Object.keys(fieldErrors(result.error!)).sort()).toEqual(['priority', 'sectorIds', 'targetDate']);
  });
});
