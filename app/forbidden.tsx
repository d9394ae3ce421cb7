import Link from 'next/link';

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-md space-y-4 p-6">
      <h1 className="text-2xl font-semibold">Not allowed</h1>
      <p>Your role does not give access to this page. Ask an administrator if you need it.</p>
      <Link href="/">Back to the tracker</Link>
    </main>
  );
}
