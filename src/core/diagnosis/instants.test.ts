import { describe, expect, it } from 'vitest';
import { parseInstant, sortByTime } from './instants';

describe('parseInstant', () => {
  it.each([
    '2024-05-01T10:00:00Z',
    '2024-05-01T10:00:00.123Z',
    '2024-02-29T23:59:59.999Z',
    '2023-02-29T00:00:00Z',
    '2024-04-31T00:00:00Z',
    '2024-01-01T24:00:00Z',
    '2024-01-01T00:00:60Z',
    '0050-01-01T00:00:00Z',
    '2024-05-01T10:00:00+02:00',
    '2024-05-01T10:00:00.1234567Z',
    '2024-05-01T10:00:00.1Z',
    '2024-13-01T00:00:00Z',
    '2024-05-01 10:00:00Z',
    'not a date',
    '',
  ])('gives what Date.parse gives for %j', (text) => {
    expect(parseInstant(text)).toBe(Date.parse(text));
  });
});

describe('sortByTime', () => {
  const byComparator = <T extends { at: number }>(items: T[]): T[] => [...items].sort((a, b) => a.at - b.at);

  it('orders like a stable comparator sort, ties in their original order', () => {
    const items = [5, 3, 5, 1, 3, 9, 1, 0, 5].map((at, i) => ({ at: 1_700_000_000_000 + at * 60_000, i }));
    expect(sortByTime([...items])).toEqual(byComparator(items));
  });

  it('falls back to the comparator for times that cannot be packed', () => {
    const items = [{ at: 2 }, { at: Number.NaN }, { at: 1 }, { at: 1.5 }, { at: 8e15 }, { at: -8e15 }];
    expect(sortByTime([...items])).toEqual(byComparator(items));
  });

  it('leaves lists already in order as they are', () => {
    const items = [{ at: 1 }, { at: 1 }, { at: 2 }];
    expect(sortByTime(items)).toBe(items);
  });
});
