// ISO 8601 text to epoch milliseconds, the one way callboard does it: null (never NaN) when the text is no date.

export function msOfIso(iso: string | null | undefined): number | null {
  if (iso === null || iso === undefined) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}
