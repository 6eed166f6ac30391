import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-lg flex-col justify-center px-6">
      <p className="text-sm font-semibold text-accent-700">404 · Not found</p>
      <h1 className="mt-2 text-2xl font-semibold text-ink">We could not find that page</h1>
      <p className="mt-2 text-muted">It may have been moved, or it belongs to a record you cannot see.</p>
      <Link href="/" className="mt-6 text-accent-700 underline">
        Go to your home page
      </Link>
    </main>
  );
}
