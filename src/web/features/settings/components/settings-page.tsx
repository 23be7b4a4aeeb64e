// Settings for signed-in users: every share link and display (a manager changes only their own; the server
// decides), and for admins the users and the audit log.
import { useEffect } from 'react';
import type { Role } from '@domain/access/principal';
import { Section } from '@/components/ui/section';
// A page composes another feature's component: the links table is the sharing feature's (see eslint.config.js).
import { ShareLinksTable } from '@/features/sharing/components/share-links-table';
import { AuditSection } from './audit-section';
import { DisplaysSection } from './displays-section';
import { UsersSection } from './users-section';

export function SettingsPage({ email, role }: { email: string; role: Role }) {
  useEffect(() => {
    document.title = 'Settings · callboard';
  }, []);
  const admin = role === 'admin';
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Settings</h1>
      {admin ? (
        <Section title="Users">
          <UsersSection currentEmail={email} />
        </Section>
      ) : null}
      <Section title="Share links">
        <ShareLinksTable caption="All share links" />
      </Section>
      <Section title="Displays">
        <DisplaysSection />
      </Section>
      {admin ? (
        <Section title="Audit log">
          <AuditSection />
        </Section>
      ) : null}
    </div>
  );
}
