import type { Metadata } from "next";
import { requireActor } from "@/lib/identity/require-actor";
import { can } from "@/lib/identity/scopes";
import { getDb } from "@/lib/server-db";
import { listMuscles } from "@/lib/clinical/list-muscles";
import { PageHeader } from "@/app/_components/ui/layout";
import { MuscleLibrary } from "./muscle-library";

export const metadata: Metadata = { title: "Muscle library" };

export default async function MusclesPage() {
  const actor = await requireActor({ permission: "muscles.read" });
  const muscles = await listMuscles(await getDb(), actor);
  return (
    <>
      <PageHeader
        title="Muscle library"
        description="Typical trigger point sites and referral zones. The shared library comes from the clinical reference; add your clinic's own muscles here."
      />
      <MuscleLibrary initial={muscles} canAdd={can(actor, "muscles.write")} />
    </>
  );
}
