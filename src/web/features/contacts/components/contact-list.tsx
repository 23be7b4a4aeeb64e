// Every contact of a campaign, searchable as you type, filterable, sortable, paged from the server 100 at a time
// and virtualised: only the rows on screen exist in the DOM, so 100,000 contacts scroll smoothly. While someone
// reads it (scrolled down, focused, hovered) fresh rows wait behind an "N updates, show" control. Below 640 px each
// contact is a card, and the sort is a drop-down, so nothing is clipped sideways and every target is 44 px high.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useVirtualizer, observeElementRect, type Virtualizer } from '@tanstack/react-virtual';
import type { ContactRow, ContactSort } from '@domain/api-schemas';
import { useApiScope } from '@/lib/api-scope';
import { setSearchParams } from '@/lib/router';
import { SearchField } from '@/components/ui/search-field';
import { SelectField } from '@/components/ui/select-field';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/cn';
import { useIsPhone } from '@/lib/use-is-phone';
import { formatCount, formatDateTime, formatDuration } from '@/lib/format';
import { CALL_STATUS_ORDER, contactStatusConfig } from '@/lib/status-vocabulary';
import { CONTACTS_PAGE_SIZE, contactQueries, type ContactPageParams } from '../api/get-contacts';
import { useContactsSearch, type ContactsSearch } from '../contacts-search';
import { useHeldRows, type ContactSnapshot } from '../use-held-rows';
import { ContactHistory } from './contact-history';

const STATUS_OPTIONS = [
  { value: '', label: 'All statuses' },
  ...CALL_STATUS_ORDER.map((status) => ({ value: status, label: contactStatusConfig[status].label })),
  // Contacts from the uploaded sheet that no call has reached yet.
  { value: 'pending', label: contactStatusConfig.pending.label },
];
const ROW_HEIGHT = 40;
/** A phone card: number and status, name, then attempts, duration and last call. */
const CARD_HEIGHT = 96;
const LIST_HEIGHT = 480;
const GRID_COLUMNS = 'grid grid-cols-[11rem_minmax(8rem,1fr)_minmax(9rem,1fr)_8rem_8.5rem_6rem_8rem_9rem] min-w-[67.5rem]';
const SORT_OPTIONS = [
  { value: 'lastCallAt:desc', label: 'Last call, newest first' },
  { value: 'lastCallAt:asc', label: 'Last call, oldest first' },
  { value: 'number:asc', label: 'Number, ascending' },
  { value: 'number:desc', label: 'Number, descending' },
  { value: 'name:asc', label: 'Name, A to Z' },
  { value: 'name:desc', label: 'Name, Z to A' },
  { value: 'attempts:desc', label: 'Most attempts first' },
  { value: 'attempts:asc', label: 'Fewest attempts first' },
] satisfies Array<{ value: ContactSort; label: string }>;

type SortField = 'number' | 'name' | 'attempts' | 'lastCallAt';
const FIRST_DIRECTION: Record<SortField, 'asc' | 'desc'> = { number: 'asc', name: 'asc', attempts: 'desc', lastCallAt: 'desc' };

const SORTS: Record<SortField, { asc: ContactSort; desc: ContactSort }> = {
  number: { asc: 'number:asc', desc: 'number:desc' },
  name: { asc: 'name:asc', desc: 'name:desc' },
  attempts: { asc: 'attempts:asc', desc: 'attempts:desc' },
  lastCallAt: { asc: 'lastCallAt:asc', desc: 'lastCallAt:desc' },
};

/** Clicking the sorted column flips its direction; another column starts in its natural direction. */
function nextSort(current: ContactSort, field: SortField): ContactSort {
  const [currentField, currentDirection] = current.split(':');
  const direction = currentField === field ? (currentDirection === 'asc' ? 'desc' : 'asc') : FIRST_DIRECTION[field];
  return SORTS[field][direction];
}

/** Before layout (and in jsdom) an element measures 0 high: assume the list's designed height instead. */
function observeWithFallback(instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: { width: number; height: number }) => void) {
  return observeElementRect(instance, (rect) => cb({ width: rect.width || 800, height: rect.height || LIST_HEIGHT }));
}

export function ContactList({ campaignId, timeZone }: { campaignId: string; timeZone: string }) {
  const search = useContactsSearch();
  const { base: apiBase } = useApiScope();
  const phone = useIsPhone();
  const rowHeight = phone ? CARD_HEIGHT : ROW_HEIGHT;
  const base = { q: search.q, status: search.status, tag: search.tag, sort: search.sort, limit: CONTACTS_PAGE_SIZE };
  const firstPage = useQuery(contactQueries.list(campaignId, { ...base, offset: 0 }, apiBase));

  // Whether someone is reading the list: scrolled away from the top, focus inside it, or the pointer over it.
  const [scrolledDown, setScrolledDown] = useState(false);
  const [focused, setFocused] = useState(false);
  const [hovered, setHovered] = useState(false);
  const [visiblePages, setVisiblePages] = useState<number[]>([]);

  const pageParams = (page: number): ContactPageParams => ({ ...base, offset: page * CONTACTS_PAGE_SIZE });
  const otherPages = useQueries({ queries: visiblePages.map((page) => contactQueries.list(campaignId, pageParams(page), apiBase)) });

  const freshPages = new Map<number, ContactRow[]>();
  if (firstPage.data && !firstPage.isPlaceholderData) freshPages.set(0, firstPage.data.rows);
  visiblePages.forEach((page, i) => {
    const result = otherPages[i];
    if (result?.data && !result.isPlaceholderData) freshPages.set(page, result.data.rows);
  });
  const fresh: ContactSnapshot = { key: JSON.stringify(base), total: firstPage.data?.total ?? 0, pages: freshPages };
  const { shown, updates, showUpdates } = useHeldRows(fresh, scrolledDown || focused || hovered);
  const total = shown.total;

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    observeElementRect: observeWithFallback,
  });
  useEffect(() => virtualizer.measure(), [rowHeight, virtualizer]);
  const items = virtualizer.getVirtualItems();

  // The pages under the visible rows, fetched on demand as the user scrolls (page 0 is fetched above).
  const pageIndexes = useMemo(() => {
    const pages = new Set<number>();
    for (const item of items) pages.add(Math.floor(item.index / CONTACTS_PAGE_SIZE));
    pages.delete(0);
    return [...pages].sort((a, b) => a - b);
  }, [items]);
  if (pageIndexes.join() !== visiblePages.join()) setVisiblePages(pageIndexes);

  // A new search or filter starts again at the top.
  useEffect(() => {
    scrollRef.current?.scrollTo?.({ top: 0 });
  }, [search.q, search.status, search.tag, search.sort]);

  return (
    <div className="space-y-3">
      <ContactFilters search={search} phone={phone} />
      <div className="flex flex-wrap items-center gap-3">
        <p role="status" className="text-sm text-slate-700">
          {firstPage.isPending
            ? 'Loading contacts…'
            : firstPage.isError && !firstPage.data
              ? `Could not load contacts: ${firstPage.error.message}`
              : `${formatCount(total)} ${total === 1 ? 'contact' : 'contacts'}${search.q || search.status || search.tag ? ' match' : ''}`}
        </p>
        <div aria-live="polite">
          {updates > 0 ? (
            <Button onClick={showUpdates}>
              {formatCount(updates)} {updates === 1 ? 'update' : 'updates'}, show
            </Button>
          ) : null}
        </div>
      </div>
      <div
        ref={scrollRef}
        role="region"
        aria-label="Contacts list, scrollable"
        tabIndex={0}
        onScroll={(event) => setScrolledDown(event.currentTarget.scrollTop > 0)}
        onFocus={() => setFocused(true)}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget)) setFocused(false);
        }}
        onPointerEnter={(event) => {
          if (event.pointerType === 'mouse') setHovered(true);
        }}
        onPointerLeave={() => setHovered(false)}
        className="w-full overflow-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-blue-700"
        style={{ height: LIST_HEIGHT }}
      >
        <div role="table" aria-label="Contacts" aria-rowcount={total + 1} className={cn('text-sm', !phone && 'min-w-[67.5rem]')}>
          <div role="rowgroup" className={cn('sticky top-0 z-10 bg-slate-50', phone && 'hidden')}>
            <div role="row" aria-rowindex={1} className={cn(!phone && GRID_COLUMNS, 'border-b border-slate-200')}>
              <SortHeader field="number" label="Number" sort={search.sort} />
              <SortHeader field="name" label="Name" sort={search.sort} />
              <div role="columnheader" className="px-3 py-2 font-medium text-slate-700">Email</div>
              <div role="columnheader" className="px-3 py-2 font-medium text-slate-700">Tags</div>
              <div role="columnheader" className="px-3 py-2 font-medium text-slate-700">Final status</div>
              <SortHeader field="attempts" label="Attempts" sort={search.sort} />
              <div role="columnheader" className="px-3 py-2 font-medium text-slate-700">Last duration</div>
              <SortHeader field="lastCallAt" label="Last call" sort={search.sort} />
            </div>
          </div>
          <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const row = shown.pages.get(Math.floor(item.index / CONTACTS_PAGE_SIZE))?.[item.index % CONTACTS_PAGE_SIZE];
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className={cn(phone ? 'px-3 py-2' : cn(GRID_COLUMNS, 'items-center'), 'absolute left-0 right-0 border-b border-slate-100')}
                  style={{ height: rowHeight, transform: `translateY(${item.start}px)` }}
                >
                  {row ? (
                    phone ? <ContactCard row={row} timeZone={timeZone} /> : <ContactCells row={row} timeZone={timeZone} />
                  ) : (
                    <div role="cell" className="px-3 text-slate-500">Loading…</div>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {search.contact !== undefined ? (
        <ContactHistory
          campaignId={campaignId}
          number={search.contact}
          timeZone={timeZone}
          onClose={() => setSearchParams({ contact: undefined })}
        />
      ) : null}
    </div>
  );
}

function StatusDot({ row }: { row: ContactRow }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <span aria-hidden="true" className="inline-block size-2 rounded-full" style={{ background: contactStatusConfig[row.finalStatus].color }} />
      {contactStatusConfig[row.finalStatus].label}
    </span>
  );
}

/** The phone layout: the same cells, stacked, each with its column's name for screen readers. */
function ContactCard({ row, timeZone }: { row: ContactRow; timeZone: string }) {
  return (
    <div className="flex h-full flex-col justify-center gap-0.5 text-sm">
      <div className="flex items-baseline justify-between gap-2">
        <div role="cell" className="min-w-0 truncate font-mono text-base"><span className="sr-only">Number </span>{row.number}</div>
        <div role="cell" className="shrink-0"><StatusDot row={row} /></div>
      </div>
      <div role="cell" className="truncate text-slate-700"><span className="sr-only">Name </span>{row.name ?? '—'}</div>
      <div className="flex flex-wrap gap-x-3 text-slate-600">
        <div role="cell">{row.attempts} {row.attempts === 1 ? 'attempt' : 'attempts'}</div>
        <div role="cell"><span className="sr-only">Last duration </span>{formatDuration(row.lastDurationSec)}</div>
        <div role="cell"><span className="sr-only">Last call </span>{formatDateTime(row.lastCallAt, timeZone)}</div>
      </div>
    </div>
  );
}

function ContactCells({ row, timeZone }: { row: ContactRow; timeZone: string }) {
  return (
    <>
      <div role="cell" className="truncate px-3 font-mono">
        {row.attempts > 0 ? (
          <button
            type="button"
            aria-label={`Call history of ${row.number}`}
            onClick={() => setSearchParams({ contact: row.number })}
            className="font-mono text-blue-800 underline decoration-dotted hover:decoration-solid focus-visible:outline-2 focus-visible:outline-blue-700"
          >
            {row.number}
          </button>
        ) : (
          row.number
        )}
      </div>
      <div role="cell" className="truncate px-3">{row.name ?? '—'}</div>
      <div role="cell" className="truncate px-3">{row.email ?? '—'}</div>
      <div role="cell" className="truncate px-3" title={row.tags.join(', ')}>{row.tags.length > 0 ? row.tags.join(', ') : '—'}</div>
      <div role="cell" className="px-3">
        <StatusDot row={row} />
      </div>
      <div role="cell" className="px-3 text-right">{row.attempts}</div>
      <div role="cell" className="px-3 text-right">{formatDuration(row.lastDurationSec)}</div>
      <div role="cell" className="px-3">{formatDateTime(row.lastCallAt, timeZone)}</div>
    </>
  );
}

function SortHeader({ field, label, sort }: { field: SortField; label: string; sort: ContactSort }) {
  const [currentField, direction] = sort.split(':');
  const active = currentField === field;
  const ariaSort = active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <div role="columnheader" aria-sort={ariaSort} className="px-1 py-1">
      <button
        type="button"
        onClick={() => setSearchParams({ sort: nextSort(sort, field) })}
        className="inline-flex w-full items-center gap-1 rounded px-2 py-1 text-left font-medium text-slate-700 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-blue-700"
      >
        {label}
        <span aria-hidden="true">{active ? (direction === 'asc' ? '▲' : '▼') : '↕'}</span>
      </button>
    </div>
  );
}

function searchContacts(q: string): void {
  setSearchParams({ q });
}

function filterByTag(tag: string): void {
  setSearchParams({ tag: tag.trim() || undefined });
}

function ContactFilters({ search, phone }: { search: ContactsSearch; phone: boolean }) {
  return (
    <form role="search" aria-label="Filter contacts" className="flex flex-wrap gap-3" onSubmit={(event) => event.preventDefault()}>
      <SearchField label="Search contacts by number, name or tag" value={search.q} onSearch={searchContacts} />
      <SearchField label="Tag" value={search.tag ?? ''} onSearch={filterByTag} />
      <SelectField
        label="Final status"
        value={search.status ?? ''}
        options={STATUS_OPTIONS}
        onChange={(status) => setSearchParams({ status: status || undefined })}
      />
      {phone ? (
        <SelectField
          label="Sort"
          value={search.sort}
          options={SORT_OPTIONS}
          onChange={(sort) => setSearchParams({ sort })}
        />
      ) : null}
    </form>
  );
}
