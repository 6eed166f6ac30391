import type { Metadata } from "next";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { INSTRUMENTS } from "@/lib/outcomes/rules/instruments";
import { clinicInstrumentList } from "@/lib/outcomes/questionnaires/instruments";
import { PageHeader } from "@/app/_components/ui/layout";
import { clinicOutcomeSettings } from "@/lib/outcomes/questionnaires/outcome-settings";
import { MAX_SKIPPED_LIMIT } from "@/lib/outcomes/rules/outcome-settings";
import { InstrumentSettings, type ShippedLicence } from "./_components/instrument-settings";
import { OutcomeSettingsForm } from "./_components/outcome-settings-form";

export const metadata: Metadata = { title: "Questionnaires" };

/**
 * The clinic's questionnaires and their licences; where the wording is licensed (NDI, ODI) or
 * missing from the reference (EARS), the clinic enters its own copy here.
 */
export default async function QuestionnaireSettingsPage() {
  const actor = await requireActor({ permission: "instruments.configure" });
  const db = await getDb();
  // clinicInstrumentList rather than listInstruments: that one needs clinical.read, and admins
  // who enter licensed wording need not read clinical records.
  const ids = Object.keys(INSTRUMENTS).filter((id) => id !== "nprs");
  const instruments = await clinicInstrumentList(db, actor.clinicId);
  const settings = await clinicOutcomeSettings(db, actor.clinicId);
  const licences: Record<string, ShippedLicence> = Object.fromEntries(ids.map((id) => [id, INSTRUMENTS[id]!.licence]));
  return (
    <div className="space-y-6">
      <PageHeader
        title="Questionnaires"
        description="The outcome questionnaires your clinic can assign. Some are copyrighted: enter the wording from your clinic's licensed copy before assigning them."
      />
      <OutcomeSettingsForm initial={settings} maxLimit={MAX_SKIPPED_LIMIT} />
      <InstrumentSettings initial={instruments} licences={licences} />
    </div>
  );
}
