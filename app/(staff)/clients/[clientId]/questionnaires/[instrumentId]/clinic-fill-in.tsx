"use client";
import Link from "next/link";
import { useQueryClient } from "@tanstack/react-query";
import { invalidateQuestionnaires, submitClinicResponse, type InstrumentDto } from "@/app/_lib/queries/questionnaires";
import { ButtonLink } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";
import { QuestionnaireForm } from "@/app/_components/questionnaire/questionnaire-form";

/**
 * The tablet view: the client answers in their own words, with nothing clinical on screen
 * beyond the header, then hands the tablet back.
 */
export function ClinicFillIn({
  clientId,
  clientName,
  firstName,
  instrument,
  assignmentId,
  previousLabels,
}: {
  clientId: string;
  clientName: string;
  firstName: string;
  instrument: InstrumentDto;
  assignmentId: string | null;
  previousLabels: Record<string, string>;
}) {
  const qc = useQueryClient();
  const back = `/clients/${clientId}/questionnaires`;
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <header>
        <Link href={back} className="text-sm text-accent-700 underline-offset-2 hover:underline">
          ← {clientName}&apos;s questionnaires
        </Link>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-ink">{instrument.name}</h1>
        <p className="mt-1 text-base text-muted">
          For {firstName} to fill in on this device. Answer each question as things are for you today; there are no
          right or wrong answers.
        </p>
      </header>
      {instrument.needsClinicWording ? (
        <Notice tone="warning" title="This questionnaire cannot be filled in yet">
          The clinic has not entered its licensed wording.{" "}
          <Link href="/questionnaires" className="underline">
            Enter it in questionnaire settings
          </Link>
          .
        </Notice>
      ) : (
        <div className="rounded-lg border border-line bg-white p-5 shadow-sm">
          <QuestionnaireForm
            instrument={instrument}
            previousLabels={previousLabels}
            send={async (body) => {
              const result = await submitClinicResponse(clientId, { ...body, assignmentId });
              await invalidateQuestionnaires(qc, clientId);
              return result;
            }}
            after={() => (
              <>
                <p className="text-base text-ink">Please hand the device back to your therapist.</p>
                <ButtonLink href={back} variant="secondary" className="min-h-12">
                  Back to {clientName}&apos;s questionnaires
                </ButtonLink>
              </>
            )}
          />
        </div>
      )}
    </div>
  );
}
