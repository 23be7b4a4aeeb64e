// Wallboard displays: when each last called in, which app version it runs, whether it is online now; reload one
// (it picks the command up over its stream) or remove it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { Table, Td, Th } from '@/components/ui/table';
import { formatDateTime } from '@/lib/format';
import { accessKeys } from '@/lib/query-keys';
import { displayQueries, reloadDisplay, removeDisplay } from '../api/displays';

export function DisplaysSection() {
  const displays = useQuery(displayQueries.list());
  const queryClient = useQueryClient();
  const invalidate = () => queryClient.invalidateQueries({ queryKey: accessKeys.displays });
  const remove = useMutation({ mutationFn: removeDisplay, onSuccess: invalidate });
  const reload = useMutation({ mutationFn: reloadDisplay });

  if (displays.isPending) return <p role="status">Loading displays…</p>;
  if (displays.isError) return <p role="alert" className="text-sm text-red-800">Could not load displays: {displays.error.message}</p>;
  if (displays.data.length === 0) return <p className="text-sm text-slate-600">No displays yet.</p>;
  const failure = remove.error ?? reload.error;
  return (
    <div className="space-y-2">
      {failure ? <p role="alert" className="text-sm text-red-800">{failure.message}</p> : null}
      {reload.isSuccess ? <p role="status" className="text-sm text-slate-700">Reload sent.</p> : null}
      <Table caption="Displays">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Campaigns</Th>
            <Th>Status</Th>
            <Th>Last contact</Th>
            <Th>App version</Th>
            <Th>Actions</Th>
          </tr>
        </thead>
        <tbody>
          {displays.data.map((display) => (
            <tr key={display.id}>
              <Td>{display.name}</Td>
              <Td>{display.campaignIds === 'active' ? 'Active campaigns' : display.campaignIds.join(', ')}</Td>
              <Td>
                <span className="inline-flex items-center gap-1.5">
                  <span aria-hidden="true" className={display.online ? 'inline-block size-2 rounded-full bg-green-600' : 'inline-block size-2 rounded-full bg-slate-400'} />
                  {display.online ? 'Online' : 'Offline'}
                </span>
              </Td>
              <Td>{display.lastContactAt ? formatDateTime(display.lastContactAt) : 'Never'}</Td>
              <Td>{display.appVersion ?? '—'}</Td>
              <Td>
                <div className="flex gap-2">
                  <Button aria-label={`Reload ${display.name}`} disabled={reload.isPending} onClick={() => reload.mutate(display.id)}>Reload</Button>
                  <Button tone="danger" aria-label={`Remove ${display.name}`} disabled={remove.isPending} onClick={() => remove.mutate(display.id)}>Remove</Button>
                </div>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
