// Attempt numbers (1 = first call, 2+ = retries) for every call: Exotel's attempt_number when it gave one, else
// the call's place among its number's calls ordered by time (at the same instant, final before in-progress).
import type { ReportCall } from '../report-input';
import { toColumns } from './call-columns';

/** Each call with its attempt number, in the input order. */
export function withAttemptNumbers(calls: readonly ReportCall[]): Array<ReportCall & { attempt: number }> {
  const { attempt } = toColumns(calls);
  return calls.map((call, i) => ({ ...call, attempt: attempt[i]! }));
}
