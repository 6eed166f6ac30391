"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { instrumentsQuery, questionnaireKeys, type InstrumentDto } from "@/app/_lib/queries/questionnaires";
import { Badge } from "@/app/_components/ui/feedback";
import { WordingForm } from "./wording-form";

export type ShippedLicence = { status: "free" | "licensed" | "unknown"; note: string };

const LICENCE_WORDS: Record<ShippedLicence["status"], string> = {
  free: "Free to use",
  licensed: "Licence needed",
  unknown: "Licence not stated",
};

/** Every questionnaire with its licence, and a wording form where the clinic supplies the text. */
export function InstrumentSettings({
  initial,
  licences,
}: {
  initial: InstrumentDto[];
  licences: Record<string, ShippedLicence>;
}) {
  const qc = useQueryClient();
  // Read from the server page only: the list endpoint needs clinical.read, which admins lack,
  // so the cache is updated from each save instead of refetched.
  const { data } = useQuery({ ...instrumentsQuery(), initialData: initial, staleTime: Infinity });
  const saved = (dto: InstrumentDto) =>
    qc.setQueryData<InstrumentDto[]>(questionnaireKeys.instruments, (list) =>
      list?.map((i) => (i.id === dto.id ? dto : i)),
    );

  return (
    <ul className="space-y-4">
      {data.map((i) => {
        const licence = licences[i.id];
        const clinicItems = i.items.filter((item) => item.promptSource === "clinic");
        return (
          <li key={i.id} className="rounded-lg border border-line bg-white p-5 shadow-sm">
            <section aria-labelledby={`instrument-${i.id}`} className="space-y-3">
              <div className="flex flex-wrap items-center gap-2">
                <h2 id={`instrument-${i.id}`} className="mr-auto text-base font-semibold text-ink">
                  {i.name}
                </h2>
                {licence ? (
                  <Badge tone={licence.status === "free" ? "neutral" : "info"}>{LICENCE_WORDS[licence.status]}</Badge>
                ) : null}
                {i.needsClinicWording ? (
                  <Badge tone="warning">▲ Needs your clinic&apos;s wording</Badge>
                ) : (
                  <Badge tone="success">✓ Ready to assign</Badge>
                )}
              </div>
              <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
                <dt className="text-muted">Licence</dt>
                <dd>{licence?.note ?? "—"}</dd>
                {i.licenceNote ? (
                  <>
                    <dt className="text-muted">Your clinic&apos;s licence</dt>
                    <dd>{i.licenceNote}</dd>
                  </>
                ) : null}
                <dt className="text-muted">Questions</dt>
                <dd className="tabular">
                  {i.items.length} · scored {i.range.min < 0 ? `−${-i.range.min}` : i.range.min} to {i.range.max},{" "}
                  {i.direction === "higher_is_better" ? "higher is better" : "lower is better"}
                </dd>
                <dt className="text-muted">MCID</dt>
                <dd>{i.mcidText ?? "None: compare scores over time"}</dd>
              </dl>
              {clinicItems.length > 0 ? (
                <details className="group rounded-md border border-line">
                  <summary className="flex min-h-11 cursor-pointer items-center px-4 text-sm font-medium text-accent-700">
                    {i.needsClinicWording ? "Enter the licensed wording" : "Edit the licensed wording"}
                  </summary>
                  <div className="border-t border-line p-4">
                    <WordingForm instrument={i} onSaved={saved} />
                  </div>
                </details>
              ) : null}
            </section>
          </li>
        );
      })}
    </ul>
  );
}
