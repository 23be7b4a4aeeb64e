// The columns of the two CSV exports and the query that picks them: one row per contact (contacts.csv) or one row
// per call attempt (calls.csv). Shared by the server, which writes the files, and the SPA's fields picker.
import { z } from 'zod';
import { contactFinalStatusSchema } from '../api-schemas';

/** Contact columns callboard itself knows; any other requested name is looked up among the uploaded metadata columns. */
export const CONTACT_EXPORT_FIELDS = [
  'number',
  'name',
  'email',
  'tags',
  'final_status',
  'attempts',
  'last_duration_sec',
  'first_call_at',
  'last_call_at',
  'revenue',
  'cost',
] as const;
export type ContactExportField = (typeof CONTACT_EXPORT_FIELDS)[number];

/** The columns every contacts export starts with, in this order (metadata and cost follow when present). */
export const DEFAULT_CONTACT_FIELDS: readonly ContactExportField[] = [
  'number',
  'name',
  'final_status',
  'attempts',
  'last_duration_sec',
  'first_call_at',
  'last_call_at',
];

/** Columns from the uploaded sheet: a masked export leaves them out, with every uploaded metadata column. */
export const METADATA_CONTACT_FIELDS: readonly ContactExportField[] = ['email', 'tags', 'revenue'];

export const CALL_EXPORT_FIELDS = [
  'call_sid',
  'number',
  'attempt',
  'status',
  'start_time',
  'end_time',
  'duration_sec',
  'price',
  'recording_url',
] as const;
export type CallExportField = (typeof CALL_EXPORT_FIELDS)[number];

/** A recording is the person's voice: a masked export leaves its link out. */
export const MASKED_CALL_FIELDS_DROPPED: readonly CallExportField[] = ['recording_url'];

const fieldList = z
  .string()
  .max(2000)
  .optional()
  .transform((text) => (text ?? '').split(',').map((field) => field.trim()).filter((field) => field !== ''));

/** A day (YYYY-MM-DD, in the campaign's time zone) or an instant (ISO 8601 with offset). */
const dayOrInstant = z
  .string()
  .trim()
  .refine((text) => /^\d{4}-\d{2}-\d{2}$/.test(text) || !Number.isNaN(Date.parse(text)), 'expected YYYY-MM-DD or an ISO 8601 time')
  .optional();

export const contactsExportQuerySchema = z.object({
  fields: fieldList,
  from: dayOrInstant,
  to: dayOrInstant,
  q: z.string().trim().max(100).default(''),
  status: contactFinalStatusSchema.optional(),
  tag: z.string().trim().min(1).max(100).optional(),
});
export type ContactsExportQuery = z.infer<typeof contactsExportQuerySchema>;

export const callsExportQuerySchema = z.object({
  fields: fieldList,
  from: dayOrInstant,
  to: dayOrInstant,
});
export type CallsExportQuery = z.infer<typeof callsExportQuerySchema>;

export function isContactExportField(name: string): name is ContactExportField {
  return (CONTACT_EXPORT_FIELDS as readonly string[]).includes(name);
}

export function isCallExportField(name: string): name is CallExportField {
  return (CALL_EXPORT_FIELDS as readonly string[]).includes(name);
}
