import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MASKED_SEARCH_REASON, endsWithLastFour, initialsOf, maskNumber, maskedSearchRule } from './masking';

describe('maskNumber', () => {
  it.each([
    { input: '+919876545266', masked: '+91******5266' },
    { input: '+91 98765 45266', masked: '+91******5266' },
    { input: '919876545266', masked: '+91******5266' },
    { input: '09876545266', masked: '0******5266' },
    { input: '9876545266', masked: '******5266' },
    { input: '+14155552671', masked: '+1******2671' },
    { input: '+6591234567', masked: '+65****4567' },
    { input: '+971501234567', masked: '+971*****4567' },
    { input: '00442079460958', masked: '+44******0958' },
    { input: '+91 52 66', masked: '+91****' },
    { input: '123456', masked: '****56' },
    { input: 'anonymous', masked: '****' },
    { input: '', masked: '****' },
  ])('$input -> $masked', ({ input, masked }) => {
    expect(maskNumber(input)).toBe(masked);
  });

  const numbers = fc.oneof(
    fc.stringMatching(/^\+[1-9]\d{6,14}$/),
    fc.stringMatching(/^(0|91|00)?\d{6,13}$/),
    fc.stringMatching(/^\+?[\d ()-]{7,24}$/),
  );

  it('never keeps any 7-digit run of the input', () => {
    fc.assert(
      fc.property(numbers, (input) => {
        const digits = input.replace(/\D/g, '');
        const masked = maskNumber(input);
        for (let i = 0; i + 7 <= digits.length; i += 1) expect(masked).not.toContain(digits.slice(i, i + 7));
      }),
    );
  });

  it('shows at most four digits in a row and hides at least four', () => {
    fc.assert(
      fc.property(numbers, (input) => {
        const masked = maskNumber(input);
        expect(masked).not.toMatch(/\d{5}/);
        expect((masked.match(/\*/g) ?? []).length).toBeGreaterThanOrEqual(4);
      }),
    );
  });

  it('keeps the last four digits of a full-length number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+91[6-9]\d{9}$/), (input) => {
        expect(maskNumber(input)).toBe(`+91******${input.slice(-4)}`);
      }),
    );
  });
});

describe('initialsOf', () => {
  it.each([
    { name: 'Asha Rao', initials: 'A. R.' },
    { name: 'asha kumari rao', initials: 'A. R.' },
    { name: 'Madhu', initials: 'M.' },
    { name: '  Dr.  R.K.  Narayan ', initials: 'D. N.' },
    { name: 'राजेश कुमार', initials: 'रा. कु.' },
    { name: 'முருகன் செல்வம்', initials: 'மு. செ.' },
    { name: 'Élodie Ångström', initials: 'É. Å.' },
    { name: '+919876545266', initials: '' },
    { name: 'Ravi 9876545266', initials: 'R.' },
    { name: '', initials: '' },
    { name: '   ', initials: '' },
    { name: null, initials: '' },
  ])('$name -> $initials', ({ name, initials }) => {
    expect(initialsOf(name)).toBe(initials);
  });

  it('never lets a digit through', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        expect(initialsOf(name)).not.toMatch(/\d/);
      }),
    );
  });
});

describe('maskedSearchRule', () => {
  it.each(['5266', ' 5266 '])('accepts four digits: %j', (q) => {
    expect(maskedSearchRule(q)).toEqual({ ok: true, lastFour: '5266' });
  });

  it.each([undefined, null, '', '  '])('treats %j as no search', (q) => {
    expect(maskedSearchRule(q)).toEqual({ ok: true, lastFour: null });
  });

  it.each(['526', '45266', '98765', 'asha', '+915266', '52 66', '५२६६'])('refuses %j with a reason', (q) => {
    expect(maskedSearchRule(q)).toEqual({ ok: false, reason: MASKED_SEARCH_REASON });
  });

  it('matches the end of a number, whatever its formatting', () => {
    expect(endsWithLastFour('+91 98765 45266', '5266')).toBe(true);
    expect(endsWithLastFour('+919876552660', '5266')).toBe(false);
  });
});
