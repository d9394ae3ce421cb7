import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { db } from '@/lib/db';
import { needsFirstAdmin } from '@/lib/users/first-run';
import { ensureSetupCode, setupCodeBanner } from '@/lib/users/setup-code';
import { SetupForm } from '@/components/auth/setup-form';

export const metadata: Metadata = { title: 'Create the first administrator' };

export default async function SetupPage() {
  if (!(await needsFirstAdmin(db))) notFound();
  // npm start makes the code; a server started another way makes it here, in its own console.
  const { code, created } = ensureSetupCode();
  if (created) console.log(setupCodeBanner(code));
  return (
    <main id="main" className="mx-auto max-w-md space-y-6 p-6">
      <h1 className="text-2xl font-semibold">Create the first administrator</h1>
      <p className="text-muted">
        Nobody has an account yet. The administrator you create here can add editors and viewers. This page disappears once the administrator exists. The setup
        code is printed in the console of the server (where <code>npm start</code> runs) and kept in its <code>data/setup-code</code> file.
      </p>
      <SetupForm />
    </main>
  );
}
