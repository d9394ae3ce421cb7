import { describe, expect, it } from 'vitest';
import { errorResponse, toApiError } from '@/lib/api/errors';
import type { DomainError } from '@/lib/errors';
import { exportConcurrency, ExportSlots } from './export-slots';

const later = () => {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { done, finish };
};

describe('export slots: a few quarterly exports at a time per server', () => {
  it('with 2 slots, a third export started meanwhile is refused with 429 and Retry-After; once one ends, the next may start', async () => {
    const slots = new ExportSlots(2);
    const [a, b] = [later(), later()];
    const first = slots.run(() => a.done);
    const second = slots.run(() => b.done);
    const third = await slots.run(async () => 'made').catch((error: unknown) => error);
    const refused = toApiError(third as DomainError);
    expect(refused).toMatchObject({ status: 429, code: 'exports_busy' });
    const response = errorResponse(refused);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);

    a.finish();
    await first;
    await expect(slots.run(async () => 'made')).resolves.toBe('made');
    b.finish();
    await second;
  });

  it('a failed export gives its slot back', async () => {
    const slots = new ExportSlots(1);
    await expect(slots.run(async () => Promise.reject(new Error('out of memory')))).rejects.toThrow('out of memory');
    await expect(slots.run(async () => 'made')).resolves.toBe('made');
  });

  it('EXPORT_MAX_CONCURRENT: 2 when unset; a whole number from 1 to 16', () => {
    expect(exportConcurrency({})).toBe(2);
    expect(exportConcurrency({ EXPORT_MAX_CONCURRENT: '4' })).toBe(4);
    expect(() => exportConcurrency({ EXPORT_MAX_CONCURRENT: '0' })).toThrow(/EXPORT_MAX_CONCURRENT/);
  });
});
