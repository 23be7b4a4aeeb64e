// Structured logs: one JSON line per event. Callers pass no secrets; phone numbers go through maskNumber.
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /** Per-item detail (one line per webhook): off unless a logger provides it; the console logger does not. */
  debug?(event: string, fields?: LogFields): void;
}

function write(level: string, event: string, fields: LogFields | undefined): void {
  const line = JSON.stringify({ at: new Date().toISOString(), level, event, ...fields });
  (level === 'info' ? process.stdout : process.stderr).write(`${line}\n`);
}

export const consoleLogger: Logger = {
  info: (event, fields) => write('info', event, fields),
  warn: (event, fields) => write('warn', event, fields),
  error: (event, fields) => write('error', event, fields),
};

/** For tests: records events instead of printing them. */
export function memoryLogger(): Logger & { lines: { level: string; event: string; fields: LogFields }[] } {
  const lines: { level: string; event: string; fields: LogFields }[] = [];
  const push = (level: string) => (event: string, fields: LogFields = {}) => void lines.push({ level, event, fields });
  return { lines, info: push('info'), warn: push('warn'), error: push('error'), debug: push('debug') };
}

/** +919876543210 -> +91******3210: enough to tell calls apart in a log, not enough to dial. */
export function maskNumber(number: string): string {
  if (number.length <= 6) return '*'.repeat(number.length);
  return `${number.slice(0, 3)}${'*'.repeat(number.length - 7)}${number.slice(-4)}`;
}
