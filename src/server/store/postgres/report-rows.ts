// The report rows of the campaigns reported most recently, kept in memory and brought up to date from the database,
// whichever instance wrote. Every write of a campaign's calls takes the next number of the campaign's write sequence
// (under the campaign's write lock, so sequence order is commit order) and stamps the rows it writes with it. A
// reader that holds rows up to number s reads only the rows stamped after s; a call that moved to another campaign
// marks its old campaign (moved_seq), whose copy is then read anew.
import { z } from 'zod';
import type { ReportCall } from '../../../domain/report-input';
import { isCallStatus, numberOrNull } from '../rows';
import type { PgConnection } from './connection';

/** Campaigns whose report rows stay in memory (about 30 MB for 200,000 calls). */
const KEPT_CAMPAIGNS = 4;

const sequenceRow = z.object({ seq: z.number(), moved_seq: z.number() });
const rowsJson = z.object({ rows: z.string().nullable() });

interface Kept {
  seq: number;
  rows: Map<number, ReportCall>;
}

export class SequencedReportRows {
  private readonly campaigns = new Map<string, Kept>();

  constructor(private readonly connection: PgConnection) {}

  /**
   * Takes the next write number of each campaign (callers hold the campaigns' write locks); `movedFrom` are campaigns
   * a call left. Returns each campaign's new number, to stamp on the rows written.
   */
  nextWriteSeqs(campaignIds: ReadonlySet<string>, movedFrom: ReadonlySet<string>): Map<string, number> {
    const seqs = new Map<string, number>();
    if (campaignIds.size === 0) return seqs;
    for (const raw of this.connection.all(
      `INSERT INTO campaign_call_writes (campaign_id, seq, moved_seq)
       SELECT id, 1, CASE WHEN id = ANY (SELECT jsonb_array_elements_text($2::jsonb)) THEN 1 ELSE 0 END
       FROM jsonb_array_elements_text($1::jsonb) AS id
       ON CONFLICT (campaign_id) DO UPDATE SET seq = campaign_call_writes.seq + 1,
         moved_seq = CASE WHEN excluded.moved_seq = 1 THEN campaign_call_writes.seq + 1 ELSE campaign_call_writes.moved_seq END
       RETURNING campaign_id, seq`,
      [JSON.stringify([...campaignIds]), JSON.stringify([...movedFrom])],
    )) {
      seqs.set(String(raw.campaign_id), Number(raw.seq));
    }
    return seqs;
  }

  rowsOf(campaignId: string): ReportCall[] {
    const raw = this.connection.get('SELECT seq, moved_seq FROM campaign_call_writes WHERE campaign_id = $1', [campaignId]);
    const { seq, moved_seq: movedSeq } = raw === undefined ? { seq: 0, moved_seq: 0 } : sequenceRow.parse(raw);
    const kept = this.campaigns.get(campaignId);
    let rows: Map<number, ReportCall>;
    if (kept !== undefined && kept.seq >= movedSeq && kept.seq <= seq) {
      rows = kept.rows;
      if (kept.seq < seq) this.read(campaignId, rows, kept.seq, seq);
    } else {
      rows = new Map();
      this.read(campaignId, rows, -1, seq);
    }
    // Rows read inside an open transaction may yet be rolled back: they are not kept.
    if (this.connection.inTransaction) {
      if (kept !== undefined && rows === kept.rows) this.campaigns.delete(campaignId);
    } else {
      this.keep(campaignId, { seq, rows });
    }
    return [...rows.values()];
  }

  /** Adds the campaign's rows stamped in (after, upTo] to `rows`. The rows come as one JSON text (cheaper than cells). */
  private read(campaignId: string, rows: Map<number, ReportCall>, after: number, upTo: number): void {
    const answer = rowsJson.parse(
      this.connection.get(
        `SELECT json_agg(json_build_array(id, number, status, at_ms, duration_sec, price, attempt_number))::text AS rows
         FROM calls WHERE campaign_id = $1 AND write_seq > $2 AND write_seq <= $3`,
        [campaignId, after, upTo],
      ),
    );
    const cells: unknown = answer.rows === null ? [] : JSON.parse(answer.rows);
    for (const row of Array.isArray(cells) ? cells : []) {
      if (!Array.isArray(row)) continue;
      const values: readonly unknown[] = row;
      const [id, number, status, at, durationSec, price, attemptNumber] = values;
      if (typeof id !== 'number' || typeof number !== 'string' || !isCallStatus(status) || typeof at !== 'number') continue;
      rows.set(id, { number, status, at, durationSec: numberOrNull(durationSec), price: numberOrNull(price), attemptNumber: numberOrNull(attemptNumber) });
    }
  }

  private keep(campaignId: string, kept: Kept): void {
    // Most recently used last, so the eviction drops the campaign nobody has looked at for longest.
    this.campaigns.delete(campaignId);
    this.campaigns.set(campaignId, kept);
    for (const oldest of this.campaigns.keys()) {
      if (this.campaigns.size <= KEPT_CAMPAIGNS) break;
      this.campaigns.delete(oldest);
    }
  }
}
