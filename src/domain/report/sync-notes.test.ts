import { describe, expect, it } from 'vitest';
import { syncNotes } from './sync-notes';
import { syncState } from '../testing/report-fixtures';

describe('syncNotes: records that could not be read', () => {
  it('says how many records were left out and that counts from records may be off by that much', () => {
    const notes = syncNotes(syncState({ unreadableRecords: 12 }), 4_000, false);
    expect(notes).toContain(
      'Exotel sent 12 call records for this campaign that could not be read, so they are left out. ' +
        'Counts worked out from call records (such as busy, no answer and attempts) may be off by up to 12.',
    );
  });

  it('speaks of one record in the singular', () => {
    expect(syncNotes(syncState({ unreadableRecords: 1 }), 10, false).join(' ')).toContain('Exotel sent 1 call record for this campaign that could not be read, so it is left out.');
  });

  it('says nothing when every record was read', () => {
    expect(syncNotes(syncState({ unreadableRecords: 0 }), 10, false).join(' ')).not.toContain('could not be read');
    expect(syncNotes(syncState(), 10, false).join(' ')).not.toContain('could not be read');
  });
});
