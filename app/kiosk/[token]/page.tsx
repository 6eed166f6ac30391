import type { Metadata } from "next";
import { connection } from "next/server";
import { getPlatformDb } from "@/lib/server-db";
import { getKioskClinicFormat, getKioskForm } from "@/lib/forms/kiosk";
import { ClinicFormatProvider } from "@/app/_components/clinic-format";
import { AppError } from "@/lib/errors";
import { FillForm } from "@/app/portal/_components/forms/fill-form";

export const metadata: Metadata = { title: "Form", robots: { index: false } };

/**
 * The clinic's tablet: only this one form, no navigation, nobody signed in. The link is the
 * key; once the form is signed (or the hour is up) it shows the locked message.
 */
export default async function KioskPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const db = await getPlatformDb();
  const open = async () => ({ form: await getKioskForm(db, token), format: await getKioskClinicFormat(db, token) });
  const { form, format } = /^[A-Za-z0-9_-]{43}$/.test(token)
    ? await open().catch((err) => {
        if (err instanceof AppError && err.code === "NOT_FOUND") return { form: null, format: null };
        throw err;
      })
    : { form: null, format: null };
  return (
    <main className="mx-auto max-w-2xl space-y-4 p-6">
      {form && format ? (
        <>
          <p className="text-sm text-muted">{form.clinicName}</p>
          <h1 className="text-2xl font-semibold tracking-tight">{form.title}</h1>
          <ClinicFormatProvider settings={format}>
            <FillForm form={form} submitTo={{ kioskToken: token }} kiosk />
          </ClinicFormatProvider>
        </>
      ) : (
        <>
          <h1 className="text-2xl font-semibold tracking-tight">This tablet is locked</h1>
          <p>The form is signed or no longer open here. Please hand the tablet back to the desk.</p>
        </>
      )}
    </main>
  );
}
