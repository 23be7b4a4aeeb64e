// Turns a contacts query (search, status, sort, page) into SQL over the contacts table. Numbers are searched by
// their digits only, so "98765", "+91 98765" and "+919876543210" all find the same contact.
import type { ContactSort, ContactsQuery } from '../../domain/api-schemas';

export interface ContactSql {
  /** The FROM clause: the contacts table, or the search index driving lookups into it. */
  from: string;
  where: string;
  params: unknown[];
  orderBy: string;
}

const ORDER_BY: Record<ContactSort, string> = {
  'lastCallAt:desc': 'last_call_at DESC, number DESC',
  'lastCallAt:asc': 'last_call_at ASC, number ASC',
  'number:asc': 'number ASC',
  'number:desc': 'number DESC',
  // Contacts without a name come last either way (they say nothing about the name order).
  'name:asc': 'name IS NULL ASC, name COLLATE NOCASE ASC, number ASC',
  'name:desc': 'name IS NULL ASC, name COLLATE NOCASE DESC, number DESC',
  'attempts:desc': 'attempts DESC, number DESC',
  'attempts:asc': 'attempts ASC, number ASC',
};

export function digitsOf(number: string): string {
  return number.replace(/\D/g, '');
}

/** The last ten digits: an Indian number however it is written (+91…, 0…, or bare). */
export function numberKeyOf(number: string): string {
  return digitsOf(number).slice(-10);
}

function likeContains(fragment: string): string {
  return `%${fragment.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The trigram index finds substrings of three characters or more; shorter fragments fall back to LIKE. */
const TRIGRAM = 3;

/** What the search index holds for a contact: its digits and its name, apart so no match spans both. */
export function searchTextOf(number: string, name: string | null): string {
  return `${digitsOf(number)}\u001f${name ?? ''}`;
}

export function contactSql(campaignId: string, query: ContactsQuery): ContactSql {
  const conditions = ['campaign_id = ?'];
  const params: unknown[] = [campaignId];
  if (query.status !== undefined) {
    conditions.push('final_status = ?');
    params.push(query.status);
  }
  let from = 'contacts';
  const q = query.q.trim();
  if (q !== '') {
    // A query made of digits with phone punctuation (+, spaces, -, brackets) is a number fragment.
    const digits = digitsOf(q);
    const numeric = digits !== '' && /^[\d\s+()-]+$/.test(q);
    const term = numeric ? digits : q;
    if ([...term].length >= TRIGRAM) {
      // CROSS JOIN makes SQLite start from the index's matches, whatever its statistics say.
      from = 'contact_search CROSS JOIN contacts ON contacts.search_id = contact_search.rowid';
      conditions.unshift('contact_search MATCH ?');
      params.unshift(`"${term.replace(/"/g, '""')}"`);
    } else if (numeric) {
      conditions.push("(number_digits LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\')");
      params.push(likeContains(digits), likeContains(q));
    } else {
      conditions.push("name LIKE ? ESCAPE '\\'");
      params.push(likeContains(q));
    }
  }
  return { from, where: conditions.join(' AND '), params, orderBy: ORDER_BY[query.sort] };
}
