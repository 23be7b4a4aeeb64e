// The status split as one horizontal bar, coloured and named by the status vocabulary.
import { memo } from 'react';
import { formatPercent } from '@/lib/format';
import { contactStatusConfig } from '@/lib/status-vocabulary';
import type { SplitPart } from '../wallboard-figures';

/** Memoised like the sparkline: an unchanged split keeps its identity across refetches. */
export const StatusSplit = memo(function StatusSplit({ parts }: { parts: readonly SplitPart[] }) {
  return (
    <>
      <div className="wb-split-bar" role="img" aria-label={parts.map((part) => `${contactStatusConfig[part.status].label} ${formatPercent(part.share)}`).join(', ')}>
        {parts.map((part) => (
          <div key={part.status} style={{ width: `${part.share * 100}%`, background: contactStatusConfig[part.status].color }} />
        ))}
      </div>
      <div className="wb-legend">
        {parts.map((part) => (
          <span key={part.status}>
            <span aria-hidden="true" className="wb-swatch" style={{ background: contactStatusConfig[part.status].color }} />
            {contactStatusConfig[part.status].label} {formatPercent(part.share)}
          </span>
        ))}
      </div>
    </>
  );
});
