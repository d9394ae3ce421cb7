import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { db } from '@/lib/db';
import { needsFirstAdmin } from '@/lib/users/first-run';
import { SetupForm } from '@/components/auth/setup-form';

export const metadata: Metadata = { title: 'Create the first administrator' };

export default async function SetupPage() {
  if (!(await needsFirstAdmin(db))) notFound();
  return (
    <main id="main" className="mx-auto max-w-md space-y-6 p-6">
      <h1 className="text-2xl font-semibold">Create the first administrator</h1>
      <p className="text-muted">
        Nobody has an account yet. The administrator you create here can add editors and viewers. This page disappears
        once the administrator exists.
      </p>
      <SetupForm />
    </main>
  );
}
