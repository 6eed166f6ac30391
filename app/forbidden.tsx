import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-lg flex-col justify-center px-6">
      <p className="text-sm font-semibold text-accent-700">403 · Not allowed</p>
      <h1 className="mt-2 text-2xl font-semibold text-ink">This area is not part of your role</h1>
      <p className="mt-2 text-muted">
        Your account cannot open this page in the current clinic. If you think it should, ask your clinic admin.
      </p>
      <Link href="/" className="mt-6 text-accent-700 underline">
        Go to your home page
      </Link>
    </main>
  );
}
