// Numbers in report sentences, written the way Indian users read them (1,87,500). The web app formats counts with
// formatCount too; its rates on screen keep one decimal (src/web/lib/format.ts formatPercent), while a sentence
// rounds to a whole percentage, hence a different name.
const enIN = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 });

export function formatCount(count: number): string {
  return enIN.format(count);
}

/** A fraction as a whole percentage, for prose: 0.123 -> "12%". */
export function formatWholePercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}
