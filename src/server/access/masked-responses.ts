// What a masked scope (a share link without full PII, every display) receives instead of the stored values: contact
// rows with masked numbers and initials only (email, tags, metadata dropped), a report whose caller id is masked,
// and, as a last line of defence, no long run of digits in any text it carries (notes, errors).
import type { ContactRow } from '../../domain/api-schemas';
import { initialsOf, maskNumber } from '../../domain/access/masking';

/**
 * Digits, perhaps spaced as people write numbers (`98765 43210`). Seven or more of them are a phone number or part of
 * one, never a count a person reads (counts are written `1,240`); hyphens are left out so dates pass.
 */
const DIGIT_RUN = /\+?\d[\d ]{5,}\d/g;

/** Masks every phone-like run of 7+ digits inside free text. */
export function scrubText(text: string): string {
  return text.replace(DIGIT_RUN, (run) => (run.replace(/\D/g, '').length >= 7 ? maskNumber(run) : run));
}

/** Keys whose values are identifiers callboard itself chose or reads back (campaign ids): never rewritten. */
const IDENTIFIER_KEYS = new Set(['id', 'campaignId']);

/** Deep copy with scrubText applied to every string (timestamps and identifiers pass unchanged). */
export function scrubDeep(value: unknown, key: string | null = null): unknown {
  if (typeof value === 'string') return key !== null && IDENTIFIER_KEYS.has(key) ? value : scrubText(value);
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, null));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v, k)]));
  }
  return value;
}

/**
 * The report as JSON (from the report route): the caller id masked, every text scrubbed, and the "by tag" table left
 * empty, since tags come from the uploaded sheet and a masked scope sees none of it.
 */
export function maskReportJson(report: unknown): unknown {
  const callerId = callerIdOf(report);
  const scrubbed = scrubDeep(report);
  const masked = typeof scrubbed === 'object' && scrubbed !== null && 'tags' in scrubbed ? { ...scrubbed, tags: [] } : scrubbed;
  if (callerId === null || typeof masked !== 'object' || masked === null || !('campaign' in masked)) return masked;
  const campaign = masked.campaign;
  return typeof campaign === 'object' && campaign !== null ? { ...masked, campaign: { ...campaign, callerId: maskNumber(callerId) } } : masked;
}

function callerIdOf(report: unknown): string | null {
  if (typeof report !== 'object' || report === null || !('campaign' in report)) return null;
  const campaign = report.campaign;
  if (typeof campaign !== 'object' || campaign === null || !('callerId' in campaign)) return null;
  return typeof campaign.callerId === 'string' ? campaign.callerId : null;
}

/** The contact fields of the contract, masked: what an uploaded sheet added (email, tags, metadata) is left empty. */
export function maskContactRow(row: ContactRow): ContactRow {
  const initials = initialsOf(row.name);
  return {
    number: maskNumber(row.number),
    name: initials === '' ? null : initials,
    finalStatus: row.finalStatus,
    attempts: row.attempts,
    lastDurationSec: row.lastDurationSec,
    firstCallAt: row.firstCallAt,
    lastCallAt: row.lastCallAt,
    email: null,
    tags: [],
    metadata: {},
  };
}
