// Turns a contacts query (search, status, tag, sort, page) into PostgreSQL's SQL over the contacts table and the
// uploaded contact metadata: the same matches and orders as SQLite's contact-query.ts, with the trigram index over
// contacts.search_text (lower-cased "digits<US>name") in place of SQLite's FTS5 table. Text columns that are sorted
// or paged on are COLLATE "C" (schema/calls.ts), so orders compare bytes as SQLite's do.
import type { ContactSort } from '../../../domain/api-schemas';
import { digitsOf, likeContains, metadataTerm, tagKeyOf, TRIGRAM, type ContactFilter } from '../contact-query';
import type { PgValue } from './blocking-client';

export interface PgContactSql {
  where: string;
  params: PgValue[];
  orderBy: string;
}

/** Adds a value to the statement's parameters; returns its placeholder ($1, $2, ...). */
export function bind(params: PgValue[], value: PgValue): string {
  params.push(value);
  return `$${params.length}`;
}

const ORDER_BY: Record<ContactSort, string> = {
  'lastCallAt:desc': 'last_call_at DESC, number DESC',
  'lastCallAt:asc': 'last_call_at ASC, number ASC',
  'number:asc': 'number ASC',
  'number:desc': 'number DESC',
  // Contacts without a name come last either way; lower() under the C collation folds ASCII only, as NOCASE does.
  'name:asc': '(name IS NULL) ASC, lower(name) ASC, number ASC',
  'name:desc': '(name IS NULL) ASC, lower(name) DESC, number DESC',
  'attempts:desc': 'attempts DESC, number DESC',
  'attempts:asc': 'attempts ASC, number ASC',
};

const like = (placeholder: string) => `LIKE ${placeholder} ESCAPE '\\'`;

/** The contact's own digits and name matching the search (in the trigram index from three characters on). */
function ownMatch(q: string, params: PgValue[]): string {
  // A query made of digits with phone punctuation (+, spaces, -, brackets) is a number fragment.
  const digits = digitsOf(q);
  const numeric = digits !== '' && /^[\d\s+()-]+$/.test(q);
  const term = numeric ? digits : q;
  if ([...term].length >= TRIGRAM) return `search_text ${like(bind(params, likeContains(term.toLowerCase())))}`;
  // ILIKE under the name's C collation folds ASCII letters only, as SQLite's LIKE does.
  const name = `name ILIKE ${bind(params, likeContains(q))} ESCAPE '\\'`;
  return numeric ? `(number_digits ${like(bind(params, likeContains(digits)))} OR ${name})` : name;
}

/**
 * The dialled contacts matching the query (FROM contacts). `hasMetadata` (the campaign has an uploaded sheet) widens
 * the search to the sheet's names, emails and tags; `status=pending` matches no dialled contact.
 */
export function pgContactSql(campaignId: string, query: ContactFilter & { sort: ContactSort }, hasMetadata = false): PgContactSql {
  const params: PgValue[] = [];
  const campaign = bind(params, campaignId);
  const conditions = [`campaign_id = ${campaign}`];
  if (query.status === 'pending') conditions.push('FALSE');
  else if (query.status !== undefined) conditions.push(`final_status = ${bind(params, query.status)}`);
  if (query.tag !== undefined) {
    conditions.push(`number_key IN (SELECT number_key FROM contact_tags WHERE campaign_id = ${campaign} AND tag_key = ${bind(params, tagKeyOf(query.tag))})`);
  }
  const q = query.q.trim();
  if (q !== '') {
    const own = ownMatch(q, params);
    if (hasMetadata) {
      // Either the contact's own digits and name match, or its row in the uploaded sheet does.
      const sheet = bind(params, likeContains(metadataTerm(q)));
      conditions.push(`(${own} OR number_key IN (SELECT number_key FROM contact_metadata WHERE campaign_id = ${campaign} AND search_text ${like(sheet)}))`);
    } else conditions.push(own);
  }
  return { where: conditions.join(' AND '), params, orderBy: ORDER_BY[query.sort] };
}

/**
 * Contacts the uploaded sheet names that no call has reached yet (status `pending`, FROM contact_metadata AS m), in
 * number order; null when the query's status excludes them.
 */
export function pgPendingContactSql(campaignId: string, query: ContactFilter): PgContactSql | null {
  if (query.status !== undefined && query.status !== 'pending') return null;
  const params: PgValue[] = [];
  const campaign = bind(params, campaignId);
  const conditions = [
    `m.campaign_id = ${campaign}`,
    'NOT EXISTS (SELECT 1 FROM contacts AS c WHERE c.number_key = m.number_key AND c.campaign_id = m.campaign_id)',
  ];
  if (query.tag !== undefined) {
    conditions.push(`m.number_key IN (SELECT number_key FROM contact_tags WHERE campaign_id = ${campaign} AND tag_key = ${bind(params, tagKeyOf(query.tag))})`);
  }
  const q = query.q.trim();
  if (q !== '') conditions.push(`m.search_text ${like(bind(params, likeContains(metadataTerm(q))))}`);
  return { where: conditions.join(' AND '), params, orderBy: 'm.number_key ASC' };
}
