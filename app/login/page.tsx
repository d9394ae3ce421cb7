import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { db } from '@/lib/db';
import { getCurrentUser } from '@/lib/auth/session';
import { needsFirstAdmin } from '@/lib/users/first-run';
import { LoginForm } from '@/components/auth/login-form';
import { safeCallbackPath } from '@/lib/auth/safe-callback';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<{ callbackUrl?: string; setup?: string; reset?: string; error?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  if (await needsFirstAdmin(db)) redirect('/setup');
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl, process.env.NEXTAUTH_URL || undefined);
  if (await getCurrentUser()) redirect(callbackUrl);
  const notice = params.setup ? 'The administrator account is ready. Sign in with it.' : params.reset ? 'Your password is set. Sign in with it.' : null;
  return (
    <main id="main" className="mx-auto max-w-sm space-y-6 p-6">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <p className="text-muted">Recommendation Tracker</p>
      {notice && (
        <p role="status" className="rounded-md border border-border bg-surface-muted p-3 text-sm">
          {notice}
        </p>
      )}
      <LoginForm callbackUrl={callbackUrl} />
    </main>
  );
}
