// Setup help for the admin who runs callboard: what a notice on a report asks them to do (Exotel credentials,
// callback URLs), in the words of the README's "Pointing it at a real Exotel account" section.
import { CAMPAIGNS_PATH } from '@/lib/paths';
import { Link } from '@/lib/router';

const CALLBACKS = [
  ['call_status_callback', 'call-status'],
  ['call_schedule_callback', 'call-schedule'],
  ['status_callback', 'campaign-status'],
] as const;

export function SetupHelpPage() {
  return (
    <article className="max-w-3xl space-y-4 text-sm leading-relaxed">
      <nav aria-label="Breadcrumb">
        <Link href={CAMPAIGNS_PATH} className="inline-flex min-h-11 items-center text-blue-800 underline underline-offset-2 sm:min-h-0">All campaigns</Link>
      </nav>
      <h1 className="text-2xl font-semibold">Setup help for admins</h1>
      <p>
        A campaign manager sent you here because a report asked for an admin. These are the two things callboard needs from
        the person who runs its server.
      </p>
      <section aria-labelledby="credentials" className="space-y-2">
        <h2 id="credentials" className="text-lg font-semibold">Connect the Exotel account</h2>
        <p>
          Set <code>EXOTEL_API_KEY</code>, <code>EXOTEL_API_TOKEN</code> and <code>EXOTEL_ACCOUNT_SID</code> (from Exotel&apos;s
          API settings page) in the server&apos;s environment, with a random <code>CALLBOARD_WEBHOOK_SECRET</code> of 16 or
          more characters, and restart it. Without them callboard shows &ldquo;Exotel not configured&rdquo;.
        </p>
      </section>
      <section aria-labelledby="callbacks" className="space-y-2">
        <h2 id="callbacks" className="text-lg font-semibold">Turn on live updates: the callback URLs</h2>
        <p>On each campaign in Exotel, set these callbacks (your server&apos;s public address and the secret filled in):</p>
        <ul className="list-disc space-y-1 pl-5">
          {CALLBACKS.map(([field, path]) => (
            <li key={field} className="break-words">
              <code>{field}</code> = <code>https://&lt;your host&gt;/webhooks/exotel/&lt;CALLBOARD_WEBHOOK_SECRET&gt;/{path}</code>
            </li>
          ))}
        </ul>
        <p>
          With <code>CALLBOARD_PUBLIC_URL</code> set, the server prints these URLs when it starts. Exotel must be able to reach
          that address, and callboard must answer within 5 s. Until the callbacks work, reports refresh every 30 s instead of
          within seconds; the numbers stay complete, because callboard also reads Exotel regularly.
        </p>
      </section>
    </article>
  );
}
