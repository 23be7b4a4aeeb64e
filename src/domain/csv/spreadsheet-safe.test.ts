import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spreadsheetSafe } from './spreadsheet-safe';

describe('spreadsheetSafe', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['+919876543210', '+919876543210'],
    ['+91 98765 43210', '+91 98765 43210'],
    ['-12.5', '-12.5'],
    ['42', '42'],
    ['Asha', 'Asha'],
    ['', ''],
  ])('%j -> %j', (cell, expected) => {
    expect(spreadsheetSafe(cell)).toBe(expected);
  });

  it('never leaves a cell starting with a formula character unless it is wholly a number or a phone number', () => {
    fc.assert(
      fc.property(fc.string(), (cell) => {
        const safe = spreadsheetSafe(cell);
        if (/^[=+\-@\t\r]/.test(safe)) {
          expect(safe).toBe(cell);
          expect(/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(cell) || /^\+\d[\d ]*\d$/.test(cell)).toBe(true);
        }
        // Only ever adds one apostrophe, never changes the rest.
        expect(safe === cell || safe === `'${cell}`).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps numbers and phone numbers as written', () => {
    fc.assert(
      fc.property(fc.integer(), fc.stringMatching(/^\+\d{6,14}$/), (n, phone) => {
        expect(spreadsheetSafe(String(n))).toBe(String(n));
        expect(spreadsheetSafe(phone)).toBe(phone);
      }),
    );
  });
});
