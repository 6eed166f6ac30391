import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/lib/server-db";
import { AppError } from "@/lib/http/errors";
import { clinicSlugParams } from "@/lib/public-booking/schemas";
import { getPublicBookingOptions } from "@/lib/public-booking/public-options";
import { ClinicFormatProvider } from "@/app/_components/clinic-format";
import { Notice } from "@/app/_components/ui/feedback";
import { PublicBookingFlow } from "./public-booking-flow";
import type { ClinicLocale } from "@/lib/format/clinic-locales";

export const metadata: Metadata = { title: "Book an appointment" };

async function load(raw: string) {
  const slug = clinicSlugParams.safeParse({ clinicSlug: raw });
  if (!slug.success) notFound();
  try {
    return { slug: slug.data.clinicSlug, options: await getPublicBookingOptions(await getDb(), slug.data.clinicSlug) };
  } catch (err) {
    // A clinic without the page is answered like no clinic at all.
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
}

/**
 * The clinic's front door for people who are not clients yet: no sign-in, phone first, and
 * framable by the clinic's own website (proxy.ts sets frame-ancestors from its settings).
 */
export default async function PublicBookingPage({ params }: { params: Promise<{ clinic: string }> }) {
  await connection();
  const { slug, options } = await load((await params).clinic);
  return (
    <div className="min-h-dvh bg-surface">
      <header className="border-b border-line bg-white">
        <div className="mx-auto max-w-xl px-4 py-3">
          <p className="text-lg font-semibold text-accent-700">{options.clinicName}</p>
          <p className="text-sm text-muted">Online booking for new clients</p>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-xl px-4 py-6">
        <h1 className="mb-4 text-2xl font-semibold tracking-tight">Book an appointment</h1>
        <ClinicFormatProvider settings={{ locale: options.locale as ClinicLocale, timeZone: options.timeZone }}>
          {options.canBook ? (
            <PublicBookingFlow slug={slug} options={options} />
          ) : (
            <Notice tone="info" title="Online booking isn't available" testId="booking-unavailable">
              {options.message}
            </Notice>
          )}
        </ClinicFormatProvider>
      </main>
    </div>
  );
}
