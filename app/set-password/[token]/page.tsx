import type { Metadata } from 'next';
import Link from 'next/link';
import { db } from '@/lib/db';
import { checkSetPasswordLink, INVALID_LINK_MESSAGE } from '@/lib/users/use-set-password-link';
import { SetPasswordForm } from '@/components/auth/set-password-form';

// The token is in the address: keep it out of Referer headers and search engines.
export const metadata: Metadata = { title: 'Choose your password', referrer: 'no-referrer', robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }> };

export default async function SetPasswordPage({ params }: Props) {
  const { token } = await params;
  const link = await checkSetPasswordLink(db, token);
  return (
    <main id="main" className="mx-auto max-w-sm space-y-6 p-6">
      <h1 className="text-2xl font-semibold">Choose your password</h1>
      {link ? (
        <>
          <p className="text-muted">
            For <span className="break-all font-medium text-text">{link.email}</span>. This link works once.
          </p>
          <SetPasswordForm token={token} email={link.email} />
        </>
      ) : (
        <>
          <p role="alert" className="rounded-md border border-danger p-3 text-sm text-danger">
            {INVALID_LINK_MESSAGE}
          </p>
          <p>
            <Link href="/login">Go to sign-in</Link>
          </p>
        </>
      )}
    </main>
  );
}
