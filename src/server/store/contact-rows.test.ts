// How a contacts-list row is read back from either store: dialled contacts with their call times as ISO strings and
// their sheet's fields, pending contacts (known only from the uploaded sheet) as never called.
import { describe, expect, it } from 'vitest';
import type { FoldedContact } from '../../domain/contacts/fold-contact';
import { dialledContactOf, holdsFolded, pendingContactOf } from './contact-rows';

const noSheet = { email: null, tags_json: null, metadata_json: null };
const sheet = { email: 'asha@example.com', tags_json: '["vip","pune"]', metadata_json: '{"city":"Pune"}' };
const dialled = {
  number: '+919812345678',
  name: 'Asha',
  final_status: 'completed',
  attempts: 2,
  last_duration_sec: 41,
  first_call_at: Date.parse('2025-03-01T04:30:00Z'),
  last_call_at: Date.parse('2025-03-01T05:00:00Z'),
};

describe('dialledContactOf', () => {
  it('gives the call times as ISO strings and the sheet fields parsed from their JSON', () => {
    expect(dialledContactOf({ ...dialled, ...sheet })).toEqual({
      number: '+919812345678',
      name: 'Asha',
      finalStatus: 'completed',
      attempts: 2,
      lastDurationSec: 41,
      firstCallAt: '2025-03-01T04:30:00.000Z',
      lastCallAt: '2025-03-01T05:00:00.000Z',
      email: 'asha@example.com',
      tags: ['vip', 'pune'],
      metadata: { city: 'Pune' },
    });
  });

  it('leaves email, tags and metadata empty for a contact the sheet does not have', () => {
    expect(dialledContactOf({ ...dialled, ...noSheet })).toMatchObject({ email: null, tags: [], metadata: {} });
  });

  it('refuses a row with an unknown status, like any other input', () => {
    expect(() => dialledContactOf({ ...dialled, ...noSheet, final_status: 'maybe' })).toThrow();
  });
});

describe('pendingContactOf', () => {
  it('shows a contact only the sheet knows as pending, never called, with its sheet fields', () => {
    expect(pendingContactOf({ number: '9812345678', name: 'Ravi', ...sheet })).toEqual({
      number: '9812345678',
      name: 'Ravi',
      finalStatus: 'pending',
      attempts: 0,
      lastDurationSec: null,
      firstCallAt: null,
      lastCallAt: null,
      email: 'asha@example.com',
      tags: ['vip', 'pune'],
      metadata: { city: 'Pune' },
    });
  });

  it('refuses a sheet row whose tags are not a list of strings', () => {
    expect(() => pendingContactOf({ number: '9812345678', name: null, ...sheet, tags_json: '{"vip":true}' })).toThrow();
  });
});

describe('holdsFolded', () => {
  const folded: FoldedContact = { name: 'Asha', finalStatus: 'completed', attempts: 2, lastDurationSec: 41, firstCallAt: 1_000, lastCallAt: 2_000 };
  const stored = { name: 'Asha', final_status: 'completed', attempts: 2, last_duration_sec: 41, first_call_at: 1_000, last_call_at: 2_000 };

  it('skips the write when the stored row already holds the folded contact', () => {
    expect(holdsFolded(stored, folded)).toBe(true);
  });

  it.each([
    ['name', { name: 'Asha Rao' }],
    ['name, to none', { name: null }],
    ['final status', { final_status: 'busy' }],
    ['attempts', { attempts: 3 }],
    ['last duration', { last_duration_sec: null }],
    ['first call', { first_call_at: 999 }],
    ['last call', { last_call_at: 2_001 }],
  ])('writes when the %s changed', (_, change) => {
    expect(holdsFolded({ ...stored, ...change }, folded)).toBe(false);
  });
});
