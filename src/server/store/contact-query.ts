// Turns a contacts query (search, status, tag, sort, page) into SQLite's SQL over the contacts table, and over the uploaded
// contact metadata: names, emails and tags are searched there, and contacts only the upload knows are `pending`.
// Numbers are searched by their digits only, so "98765", "+91 98765" and "+919876543210" all find the same contact.
// The dialect-free helpers here are shared with PostgreSQL's version (postgres/contact-query.ts).
import type { ContactFinalStatus, ContactSort } from '../../domain/api-schemas';

export interface ContactSql {
  /** The FROM clause: the contacts table, or the search index driving lookups into it. */
  from: string;
  where: string;
  params: unknown[];
  orderBy: string;
  /**
   * The cheapest way to the number of matches: read from the per-status counts the database keeps (no search, no
   * tag), counted while reading the page (a search, whose matches are all read to be sorted anyway), or counted.
   */
  countBy: 'status-counts' | 'with-page' | 'count';
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

/** A LIKE pattern matching the fragment anywhere, with %, _ and \ taken literally (escape character: backslash). */
export function likeContains(fragment: string): string {
  return `%${fragment.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The trigram index finds substrings of three characters or more; shorter fragments fall back to LIKE. */
export const TRIGRAM = 3;

/** What the search index holds for a contact: its digits and its name, apart so no match spans both. */
export function searchTextOf(number: string, name: string | null): string {
  return `${digitsOf(number)}\u001f${name ?? ''}`;
}

/** The filters of the contact list (and the contacts export). */
export interface ContactFilter {
  q: string;
  status?: ContactFinalStatus | undefined;
  tag?: string | undefined;
}

/** A tag as the filter matches it: without regard to case. */
export function tagKeyOf(tag: string): string {
  return tag.trim().toLowerCase();
}

/** A search term as the metadata search text holds it: digits for a number fragment, else lower-cased text. */
export function metadataTerm(q: string): string {
  const digits = digitsOf(q);
  return digits !== '' && /^[\d\s+()-]+$/.test(q) ? digits : q.toLowerCase();
}

/**
 * The dialled contacts matching the query. `hasMetadata` (the campaign has an uploaded sheet) widens the search to
 * the sheet's names, emails and tags; `status=pending` matches no dialled contact.
 */
export function contactSql(campaignId: string, query: ContactFilter & { sort: ContactSort }, hasMetadata = false): ContactSql {
  const conditions = ['campaign_id = ?'];
  const params: unknown[] = [campaignId];
  if (query.status === 'pending') conditions.push('0');
  else if (query.status !== undefined) {
    conditions.push('final_status = ?');
    params.push(query.status);
  }
  if (query.tag !== undefined) {
    conditions.push('number_key IN (SELECT number_key FROM contact_tags WHERE campaign_id = ? AND tag_key = ?)');
    params.push(campaignId, tagKeyOf(query.tag));
  }
  let from = 'contacts';
  // Matches found through the trigram index are read whole to be sorted; a short fragment is matched row by row.
  let searchDriven = false;
  const q = query.q.trim();
  if (q !== '' && hasMetadata) {
    // Either the contact's own digits and name match, or its row in the uploaded sheet does.
    const digits = digitsOf(q);
    const numeric = digits !== '' && /^[\d\s+()-]+$/.test(q);
    const term = numeric ? digits : q;
    const own =
      [...term].length >= TRIGRAM
        ? { sql: 'search_id IN (SELECT rowid FROM contact_search WHERE contact_search MATCH ?)', params: [`"${term.replace(/"/g, '""')}"`] }
        : numeric
          ? { sql: "(number_digits LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\')", params: [likeContains(digits), likeContains(q)] }
          : { sql: "name LIKE ? ESCAPE '\\'", params: [likeContains(q)] };
    searchDriven = [...term].length >= TRIGRAM;
    conditions.push(
      `(${own.sql} OR number_key IN (SELECT number_key FROM contact_metadata WHERE campaign_id = ? AND search_text LIKE ? ESCAPE '\\'))`,
    );
    params.push(...own.params, campaignId, likeContains(metadataTerm(q)));
  } else if (q !== '') {
    // A query made of digits with phone punctuation (+, spaces, -, brackets) is a number fragment.
    const digits = digitsOf(q);
    const numeric = digits !== '' && /^[\d\s+()-]+$/.test(q);
    const term = numeric ? digits : q;
    if ([...term].length >= TRIGRAM) {
      // CROSS JOIN makes SQLite start from the index's matches, whatever its statistics say.
      from = 'contact_search CROSS JOIN contacts ON contacts.search_id = contact_search.rowid';
      searchDriven = true;
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
  const countBy = searchDriven ? 'with-page' : q !== '' || query.tag !== undefined ? 'count' : 'status-counts';
  return { from, where: conditions.join(' AND '), params, orderBy: ORDER_BY[query.sort], countBy };
}

/**
 * Contacts the uploaded sheet names that no call has reached yet (status `pending`), in number order; null when the
 * query's status excludes them.
 */
export function pendingContactSql(campaignId: string, query: ContactFilter): ContactSql | null {
  if (query.status !== undefined && query.status !== 'pending') return null;
  // dialled is kept by triggers (migration 11); the pending rows have their own index.
  const conditions = ['m.campaign_id = ?', 'm.dialled = 0'];
  const params: unknown[] = [campaignId];
  if (query.tag !== undefined) {
    conditions.push('m.number_key IN (SELECT number_key FROM contact_tags WHERE campaign_id = ? AND tag_key = ?)');
    params.push(campaignId, tagKeyOf(query.tag));
  }
  const q = query.q.trim();
  if (q !== '') {
    conditions.push("m.search_text LIKE ? ESCAPE '\\'");
    params.push(likeContains(metadataTerm(q)));
  }
  return { from: 'contact_metadata AS m', where: conditions.join(' AND '), params, orderBy: 'm.number_key ASC', countBy: 'count' };
}
