"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-lg flex-col justify-center px-6">
      <h1 className="text-2xl font-semibold text-ink">Something went wrong</h1>
      <p className="mt-2 text-muted">
        Nothing you saved is lost. Try again; if it keeps happening, tell your clinic admin.
      </p>
      <button type="button" onClick={reset} className="mt-6 min-h-11 w-fit rounded-md bg-accent-700 px-4 text-white">
        Try again
      </button>
    </main>
  );
}
