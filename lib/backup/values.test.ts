import { describe, expect, it } from 'vitest';
import { fromArchiveValue, toArchiveValue } from './values';
import { loadOrder, type CatalogTable } from './catalog';

describe('archive values: one form whichever database they come from', () => {
  it('times: what Prisma writes to SQLite, SQL CURRENT_TIMESTAMP, PostgreSQL TIMESTAMP(3) and epoch ms all read as the same UTC instant', () => {
    const expected = '2026-03-01T10:00:00.120Z';
    expect(toArchiveValue('datetime', '2026-03-01T10:00:00.120+00:00')).toBe(expected);
    expect(toArchiveValue('datetime', '2026-03-01 10:00:00.12')).toBe(expected);
    expect(toArchiveValue('datetime', '2026-03-01 15:00:00.12+05')).toBe(expected);
    expect(toArchiveValue('datetime', 1772359200120n)).toBe(expected);
    expect(toArchiveValue('datetime', '2026-03-01 10:00:00')).toBe('2026-03-01T10:00:00.000Z');
    expect(() => toArchiveValue('datetime', 'yesterday')).toThrow(/not a date/);
  });

  it('booleans, big integers and decimals from either driver', () => {
    expect([1n, 0n, true, false].map((value) => toArchiveValue('boolean', value))).toEqual([true, false, true, false]);
    expect(toArchiveValue('bigint', 9007199254740993n)).toBe('9007199254740993');
    expect(toArchiveValue('bigint', '9007199254740993')).toBe('9007199254740993');
    expect(toArchiveValue('decimal', '1.500000000000000000000000000000')).toBe('1.5');
    expect(toArchiveValue('decimal', 1.5)).toBe('1.5');
    expect(toArchiveValue('integer', 42n)).toBe(42);
    expect(toArchiveValue('text', null)).toBeNull();
  });

  it('go back as each database stores them', () => {
    expect(fromArchiveValue('sqlite', 'datetime', '2026-03-01T10:00:00.120Z')).toBe('2026-03-01T10:00:00.120+00:00');
    expect(fromArchiveValue('postgresql', 'datetime', '2026-03-01T10:00:00.120Z')).toBe('2026-03-01T10:00:00.120Z');
    expect(fromArchiveValue('sqlite', 'boolean', true)).toBe(1);
    expect(fromArchiveValue('postgresql', 'boolean', false)).toBe(false);
    expect(fromArchiveValue('sqlite', 'bigint', '9007199254740993')).toBe(9007199254740993n);
    expect(fromArchiveValue('sqlite', 'bytes', Buffer.from('hi').toString('base64'))).toEqual(Buffer.from('hi'));
  });
});

describe('table order', () => {
  const table = (name: string, references: string[] = []): CatalogTable => ({ name, columns: [{ name: 'id', type: 'text' }], primaryKey: ['id'], references });

  it('puts each table after the tables its foreign keys point to, otherwise by name', () => {
    const order = loadOrder([
      table('StatusChange', ['Recommendation', 'User']),
      table('Recommendation', ['Seminar']),
      table('User'),
      table('Seminar'),
      table('Setting'),
    ]);
    expect(order.map((entry) => entry.name)).toEqual(['Seminar', 'Recommendation', 'Setting', 'User', 'StatusChange']);
  });

  it('refuses foreign keys that form a cycle', () => {
    expect(() => loadOrder([table('A', ['B']), table('B', ['A'])])).toThrow(/cycle/);
  });
});
