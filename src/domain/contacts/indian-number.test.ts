import { describe, expect, it } from 'vitest';
import { parseIndianNumber } from './indian-number';

describe('parseIndianNumber', () => {
  it.each([
    ['09876543210'],
    ['9876543210'],
    ['+91 98765 43210'],
    ['919876543210'],
    ['+919876543210'],
    ['0091 98765 43210'],
    ['98765-43210'],
    ['(+91) 98765.43210'],
    [' 9876543210 '],
  ])('reads %s as +919876543210', (raw) => {
    expect(parseIndianNumber(raw)).toEqual({ ok: true, number: { key: '9876543210', e164: '+919876543210' } });
  });

  it.each([
    ['', 'empty'],
    ['9.19877E+11', 'scientific notation'],
    ['98765 4321x', 'characters other than digits'],
    ['+1 415 555 0100', 'not an Indian'],
    ['98765432', 'not a 10-digit'],
    ['1234567890', 'not a 10-digit'],
    ['98765432101', 'not a 10-digit'],
    ['=HYPERLINK("x")', 'characters other than digits'],
  ])('rejects %j (%s)', (raw, reason) => {
    const result = parseIndianNumber(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});
