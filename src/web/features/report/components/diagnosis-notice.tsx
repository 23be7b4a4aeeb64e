// "Why nothing is happening": shown when a campaign has contacts pending and no call is being made, with the reasons
// the server found, written for a campaign manager.
import type { Diagnosis } from '@domain/api-schemas';
import { Notice } from '@/components/ui/notice';

export function DiagnosisNotice({ diagnosis }: { diagnosis: Diagnosis }) {
  if (!diagnosis.stalled || diagnosis.reasons.length === 0) return null;
  return (
    <Notice tone="warning" role="status" title="Why nothing is happening">
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {diagnosis.reasons.map((reason) => (
          <li key={reason.code} data-reason={reason.code}>
            {reason.message}
          </li>
        ))}
      </ul>
    </Notice>
  );
}
