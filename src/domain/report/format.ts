// Numbers in report sentences, written the way Indian users read them (1,87,500).
const enIN = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 });

export function formatCount(count: number): string {
  return enIN.format(count);
}

/** A fraction as a whole percentage: 0.123 -> "12%". */
export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}
