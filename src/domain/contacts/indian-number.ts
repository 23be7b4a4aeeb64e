// An Indian phone number in any of the forms people and spreadsheets write it (09876543210, 9876543210,
// +91 98765 43210, 919876543210, 0091…) reduced to one form, so an uploaded sheet finds the contacts Exotel dialled.

export interface IndianNumber {
  /** The ten-digit national number: the key contacts are matched by (the store's number_key). */
  key: string;
  /** The E.164 form, +91 and the ten digits. */
  e164: string;
}

export type IndianNumberResult = { ok: true; number: IndianNumber } | { ok: false; reason: string };

/** Spaces, dashes, dots and brackets are punctuation; anything else but digits and a leading + is not a number. */
const PUNCTUATION = /[\s\-.()\u00a0]/g;

export function parseIndianNumber(raw: string): IndianNumberResult {
  const text = raw.trim();
  if (text === '') return { ok: false, reason: 'bad number: empty' };
  // Excel shows a long number typed into a General column as 9.19877E+11, losing digits for good.
  if (/^\d(\.\d+)?e\+?\d+$/i.test(text)) {
    return { ok: false, reason: `bad number: "${text}" is in scientific notation (format the column as text in Excel)` };
  }
  const compact = text.replace(PUNCTUATION, '');
  if (!/^\+?\d+$/.test(compact)) return { ok: false, reason: `bad number: "${text}" has characters other than digits` };
  const digits = compact.replace('+', '');
  let national: string;
  if (compact.startsWith('+')) {
    if (!digits.startsWith('91')) return { ok: false, reason: `bad number: "${text}" is not an Indian (+91) number` };
    national = digits.slice(2);
  } else if (digits.length === 14 && digits.startsWith('0091')) national = digits.slice(4);
  else if (digits.length === 12 && digits.startsWith('91')) national = digits.slice(2);
  else if (digits.length === 11 && digits.startsWith('0')) national = digits.slice(1);
  else national = digits;
  // Ten digits, not starting with 0 or 1: mobiles start 6-9, landlines (with their STD code) 2-5.
  if (!/^[2-9]\d{9}$/.test(national)) return { ok: false, reason: `bad number: "${text}" is not a 10-digit Indian number` };
  return { ok: true, number: { key: national, e164: `+91${national}` } };
}
