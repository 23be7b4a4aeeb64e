// Shared helpers of the access modules: reading a JSON column through its schema, and the COUNT(*) row.
import { z } from 'zod';

export const countRow = z.object({ n: z.number() });

/** Reads a JSON column through its schema; a column that fails is a broken row, so it throws like a zod row check. */
export function parseJsonColumn<T>(schema: z.ZodType<T>, text: string): T {
  return schema.parse(JSON.parse(text));
}
