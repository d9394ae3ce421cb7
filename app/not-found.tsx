import Link from 'next/link';

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-md space-y-4 p-6">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p>There is nothing at this address.</p>
      <Link href="/">Back to the tracker</Link>
    </main>
  );
}
