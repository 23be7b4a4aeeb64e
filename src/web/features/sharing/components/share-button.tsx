// The report header's Share button. The dialog (link options, the link table) is its own chunk, fetched when the
// pointer or focus reaches the button, so that a report's first load does not carry it.
import { lazy, Suspense, useRef, useState } from 'react';
import type { Role } from '@domain/access/principal';
import { Button } from '@/components/ui/button';

const loadDialog = () => import('./share-dialog');
const ShareDialog = lazy(() => loadDialog().then((module) => ({ default: module.ShareDialog })));

export function ShareButton({ campaignId, campaignName, role }: { campaignId: string; campaignName?: string; role: Role }) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const preload = () => void loadDialog();
  return (
    <>
      <Button ref={buttonRef} aria-haspopup="dialog" onPointerEnter={preload} onFocus={preload} onClick={() => setOpen(true)}>
        Share
      </Button>
      {open ? (
        <Suspense fallback={null}>
          <ShareDialog
            campaignId={campaignId}
            campaignName={campaignName}
            role={role}
            onClose={() => {
              setOpen(false);
              buttonRef.current?.focus();
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
