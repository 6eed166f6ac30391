import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getPlatformDb } from "@/lib/server-db";
import { loadOr404, PublicPage } from "@/app/_components/shell/public-page";
import { clinicSlugParams } from "@/lib/scheduling/public-booking/schemas";
import { getPublicBookingOptions } from "@/lib/scheduling/public-booking/public-options";
import { ClinicFormatProvider } from "@/app/_components/clinic-format";
import { Notice } from "@/app/_components/ui/feedback";
import { PublicBookingFlow } from "./public-booking-flow";
import type { ClinicLocale } from "@/lib/format/clinic-locales";

export const metadata: Metadata = { title: "Book an appointment" };

async function load(raw: string) {
  const slug = clinicSlugParams.safeParse({ clinicSlug: raw });
  if (!slug.success) notFound();
  // A clinic without the page is answered like no clinic at all.
  const options = await loadOr404(async () => getPublicBookingOptions(await getPlatformDb(), slug.data.clinicSlug));
  return { slug: slug.data.clinicSlug, options };
}

/**
 * The clinic's front door for people who are not clients yet: no sign-in, phone first, and
 * framable by the clinic's own website (proxy.ts sets frame-ancestors from its settings).
 */
export default async function PublicBookingPage({ params }: { params: Promise<{ clinic: string }> }) {
  await connection();
  const { slug, options } = await load((await params).clinic);
  return (
    <PublicPage clinicName={options.clinicName} tagline="Online booking for new clients" title="Book an appointment">
      <ClinicFormatProvider settings={{ locale: options.locale as ClinicLocale, timeZone: options.timeZone }}>
        {options.canBook ? (
          <PublicBookingFlow slug={slug} options={options} />
        ) : (
          <Notice tone="info" title="Online booking isn't available" testId="booking-unavailable">
            {options.message}
          </Notice>
        )}
      </ClinicFormatProvider>
    </PublicPage>
  );
}
