// What a masked scope (a share link without full PII, every display) may show of a contact: a phone number keeps
// its country code and last four digits, a name shrinks to initials, and search takes only four trailing digits.
// The server applies these before anything leaves it; the browser never receives the unmasked value.

/** Country codes of one and two digits (ITU-T E.164 assignments); every other code has three digits. */
const ONE_DIGIT_CODES = new Set(['1', '7']);
const TWO_DIGIT_CODES = new Set([
  '20', '27', '30', '31', '32', '33', '34', '36', '39', '40', '41', '43', '44', '45', '46', '47', '48', '49',
  '51', '52', '53', '54', '55', '56', '57', '58', '60', '61', '62', '63', '64', '65', '66', '81', '82', '84',
  '86', '90', '91', '92', '93', '94', '95', '98',
]);

function countryCodeOf(digits: string): string {
  if (ONE_DIGIT_CODES.has(digits.slice(0, 1))) return digits.slice(0, 1);
  if (TWO_DIGIT_CODES.has(digits.slice(0, 2))) return digits.slice(0, 2);
  return digits.slice(0, 3);
}

/** A number split into what may be shown as-is (its prefix) and the digits that follow it. */
interface SplitNumber {
  prefix: string;
  national: string;
}

function splitNumber(raw: string): SplitNumber {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+') || digits.startsWith('00')) {
    const international = trimmed.startsWith('+') ? digits : digits.slice(2);
    const code = countryCodeOf(international);
    return { prefix: `+${code}`, national: international.slice(code.length) };
  }
  // Indian numbers written without the plus (919876543210) or with the trunk zero (09876543210), as Exotel and
  // uploaded sheets often do. Any other form shows no prefix: every digit but the last four is hidden.
  if (digits.length === 12 && digits.startsWith('91')) return { prefix: '+91', national: digits.slice(2) };
  if (digits.length === 11 && digits.startsWith('0')) return { prefix: '0', national: digits.slice(1) };
  return { prefix: '', national: digits };
}

/** How many trailing digits may show: four for a full-length number, fewer for a short one (at least half hidden). */
function visibleTail(nationalLength: number): number {
  const hidden = Math.max(4, Math.ceil(nationalLength / 2));
  return Math.max(0, Math.min(4, nationalLength - hidden));
}

/**
 * `+919876545266` -> `+91******5266`. Keeps the country code and the last four digits; every other digit becomes
 * `*`, so no run of more than four original digits survives. Text with four digits or fewer masks to `****`.
 */
export function maskNumber(raw: string): string {
  const { prefix, national } = splitNumber(raw);
  // Four digits or fewer is no dialable number: show four stars, which also hides how short it was.
  if (national.length <= 4) return `${prefix}****`;
  const tail = visibleTail(national.length);
  const hidden = national.length - tail;
  return `${prefix}${'*'.repeat(hidden)}${national.slice(national.length - tail)}`;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const LETTER = /^\p{L}/u;

function initialOf(word: string): string | null {
  for (const { segment } of graphemes.segment(word)) {
    // A whole grapheme, so a Devanagari consonant keeps its vowel sign (राजेश -> रा) rather than a broken half.
    if (LETTER.test(segment)) return segment.toLocaleUpperCase();
  }
  return null;
}

/**
 * `Asha Rao` -> `A. R.`, `राजेश कुमार` -> `रा. कु.`: the initials of the first and last words that contain a letter.
 * Words without letters (a number typed into the name column, a stray `-`) are skipped, so they never leak; an
 * empty or letterless name gives ''.
 */
export function initialsOf(name: string | null | undefined): string {
  if (!name) return '';
  const initials = name
    .split(/[\s\p{Z},]+/u)
    .map(initialOf)
    .filter((initial): initial is string => initial !== null);
  const first = initials[0];
  if (first === undefined) return '';
  const last = initials.length > 1 ? initials[initials.length - 1] : undefined;
  return last === undefined ? `${first}.` : `${first}. ${last}.`;
}

export type MaskedSearch = { ok: true; lastFour: string | null } | { ok: false; reason: string };

export const MASKED_SEARCH_REASON = 'In a masked view, search by the last 4 digits of a number only.';

/**
 * The only search a masked scope accepts: exactly four digits, matched against the end of the number. A name or a
 * longer fragment is refused, because matches on it would confirm what the masking hides.
 */
export function maskedSearchRule(q: string | null | undefined): MaskedSearch {
  const text = (q ?? '').trim();
  if (text === '') return { ok: true, lastFour: null };
  if (/^\d{4}$/.test(text)) return { ok: true, lastFour: text };
  return { ok: false, reason: MASKED_SEARCH_REASON };
}

/** Whether a number ends with the four digits of a masked search (formatting characters are ignored). */
export function endsWithLastFour(number: string, lastFour: string): boolean {
  return number.replace(/\D/g, '').endsWith(lastFour);
}
