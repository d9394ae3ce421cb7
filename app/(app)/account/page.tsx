import type { Metadata } from 'next';
import { db } from '@/lib/db';
import { verifySession } from '@/lib/auth/session';
import { actorFromUser } from '@/lib/auth/actor';
import { ROLE_LABEL } from '@/lib/auth/roles';
import { listApiTokens } from '@/lib/tokens/list-api-tokens';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { CreateTokenForm } from '@/components/account/create-token-form';
import { TokensTable } from '@/components/account/tokens-table';
import { Breadcrumbs, HOME_CRUMB } from '@/components/ui/breadcrumbs';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const user = await verifySession();
  const tokens = await listApiTokens(db, actorFromUser(user));
  return (
    <div className="max-w-3xl space-y-8">
      <header className="space-y-1">
        <Breadcrumbs trail={[HOME_CRUMB]} current="Your account" />
        <h1 className="text-2xl font-semibold">Your account</h1>
        <p className="text-muted">
          {user.name} · <span className="break-all">{user.email}</span> · {ROLE_LABEL[user.role]}
        </p>
      </header>
      <section aria-labelledby="password-heading" className="max-w-xl space-y-3 rounded-lg border border-border bg-surface p-4">
        <h2 id="password-heading" className="text-lg font-semibold">
          Change your password
        </h2>
        <ChangePasswordForm email={user.email} />
      </section>
      <section aria-labelledby="tokens-heading" className="space-y-4">
        <h2 id="tokens-heading" className="text-lg font-semibold">
          API tokens
        </h2>
        <p className="text-muted">
          Scripts and other tools use a personal token to read and change data through the JSON API, with your role ({ROLE_LABEL[user.role]}). Revoke a token as
          soon as it is no longer needed or may have leaked.
        </p>
        <div className="max-w-xl rounded-lg border border-border bg-surface p-4">
          <CreateTokenForm />
        </div>
        <TokensTable tokens={tokens} />
      </section>
    </div>
  );
}
