import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/**
 * The frame of the pages people reach without signing in (public booking, the emailed confirm and
 * appointment links): the clinic's name, one heading, a narrow phone-first column.
 */
export function PublicPage({
  clinicName,
  tagline,
  title,
  children,
}: {
  clinicName: string;
  tagline?: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <div className="min-h-dvh bg-surface">
      <header className="border-b border-line bg-white">
        <div className="mx-auto max-w-xl px-4 py-3">
          <p className="text-lg font-semibold text-accent-700">{clinicName}</p>
          {tagline ? <p className="text-sm text-muted">{tagline}</p> : null}
        </div>
      </header>
      <main id="main" className="mx-auto max-w-xl px-4 py-6">
        <h1 className="mb-4 text-2xl font-semibold tracking-tight">{title}</h1>
        {children}
      </main>
    </div>
  );
}

/**
 * Loads what a public link points at; NOT_FOUND (absent, expired, forged, or switched off) answers
 * the page's 404, so a link never tells which of those it was.
 */
export async function loadOr404<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
}
