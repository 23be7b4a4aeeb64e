// Share links as a table: who made each, when it expires, when it was last opened and how often, with revoke,
// rotate (a new URL, the old one stops working) and the log of opens. One campaign's links in the share dialog,
// every link in settings.
import { Fragment, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { Table, Td, Th } from '@/components/ui/table';
import { formatDateTime } from '@/lib/format';
import { accessKeys } from '@/lib/query-keys';
import { absoluteUrl, revokeShareLink, rotateShareLink, shareLinkQueries, type ShareLink } from '../api/share-links';
import { CopyableUrl } from './copyable-url';

function linkName(link: ShareLink): string {
  return link.label || link.id;
}

export function ShareLinksTable({ campaignId, caption }: { campaignId?: string; caption: string }) {
  const links = useQuery(shareLinkQueries.list(campaignId));
  const [rotated, setRotated] = useState<{ id: string; url: string } | null>(null);
  const [openLog, setOpenLog] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const invalidate = () => queryClient.invalidateQueries({ queryKey: accessKeys.shareLinks.all });
  const revoke = useMutation({ mutationFn: revokeShareLink, onSuccess: invalidate });
  const rotate = useMutation({
    mutationFn: rotateShareLink,
    onSuccess: (created, id) => {
      setRotated({ id, url: absoluteUrl(created.url) });
      return invalidate();
    },
  });

  if (links.isPending) return <p role="status">Loading share links…</p>;
  if (links.isError) return <p role="alert" className="text-sm text-red-800">Could not load share links: {links.error.message}</p>;
  const live = links.data.filter((link) => !link.revokedAt);
  if (live.length === 0) return <p className="text-sm text-slate-600">No share links yet.</p>;

  const failure = revoke.error ?? rotate.error;
  return (
    <div className="space-y-3">
      {failure ? <p role="alert" className="text-sm text-red-800">{failure.message}</p> : null}
      {rotated ? <CopyableUrl url={rotated.url} label={`New URL of ${rotated.id} (the old one no longer works)`} /> : null}
      <Table caption={caption}>
        <thead>
          <tr>
            <Th>Link</Th>
            {campaignId ? null : <Th>Campaigns</Th>}
            <Th>Privacy</Th>
            <Th>Created by</Th>
            <Th>Created</Th>
            <Th>Expires</Th>
            <Th>Last opened</Th>
            <Th className="text-right">Opens</Th>
            <Th>Actions</Th>
          </tr>
        </thead>
        <tbody>
          {live.map((link) => (
            <Fragment key={link.id}>
              <tr>
                <Td>{linkName(link)}</Td>
                {campaignId ? null : <Td>{link.campaignIds.join(', ')}</Td>}
                <Td>{link.pii === 'full' ? 'Full numbers' : 'Masked'}{link.contacts ? ', with contacts' : ''}</Td>
                <Td>{link.creator ?? '—'}</Td>
                <Td>{formatDateTime(link.createdAt ?? null)}</Td>
                <Td>{formatDateTime(link.expiresAt ?? null)}</Td>
                <Td>{link.lastOpenedAt ? formatDateTime(link.lastOpenedAt) : 'Never'}</Td>
                <Td className="text-right">{link.opens}</Td>
                <Td>
                  <div className="flex gap-2">
                    <Button
                      aria-expanded={openLog === link.id}
                      aria-label={`Opens of ${linkName(link)}`}
                      onClick={() => setOpenLog((shown) => (shown === link.id ? null : link.id))}
                    >
                      Opens
                    </Button>
                    <Button aria-label={`Rotate ${linkName(link)}`} disabled={rotate.isPending} onClick={() => rotate.mutate(link.id)}>
                      Rotate
                    </Button>
                    <Button tone="danger" aria-label={`Revoke ${linkName(link)}`} disabled={revoke.isPending} onClick={() => revoke.mutate(link.id)}>
                      Revoke
                    </Button>
                  </div>
                </Td>
              </tr>
              {openLog === link.id ? (
                <tr>
                  <td colSpan={campaignId ? 8 : 9} className="border-b border-slate-100 bg-slate-50 px-3 py-2">
                    <OpensLog link={link} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

function OpensLog({ link }: { link: ShareLink }) {
  const opens = useQuery(shareLinkQueries.opens(link.id));
  if (opens.isPending) return <p role="status">Loading opens…</p>;
  if (opens.isError) return <p role="alert" className="text-red-800">Could not load opens: {opens.error.message}</p>;
  if (opens.data.length === 0) return <p>{linkName(link)} has not been opened yet.</p>;
  return (
    <ul aria-label={`Opens of ${linkName(link)}`} className="space-y-1 text-xs">
      {opens.data.map((open, index) => (
        <li key={`${open.at}-${index}`}>
          {formatDateTime(open.at)} · {open.address ?? 'unknown network'} · <span className="text-slate-600">{open.userAgent ?? 'unknown browser'}</span>
        </li>
      ))}
    </ul>
  );
}
