"use client";
import { useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  invalidateQuestionnaires,
  myDueQuestionnairesQuery,
  submitMyResponse,
  type DueQuestionnaire,
} from "@/app/_lib/queries/questionnaires";
import { ButtonLink } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/feedback";
import { QuestionnaireForm } from "@/app/_components/questionnaire/questionnaire-form";

/**
 * A due questionnaire in the portal. The assignment is held once found: after sending, it is
 * no longer due and drops out of the refreshed list, but the thank-you must stay on screen.
 */
export function PortalQuestionnaire({
  assignmentId,
  initial,
  previousLabels,
}: {
  assignmentId: string;
  initial: DueQuestionnaire[];
  previousLabels: Record<string, string>;
}) {
  const qc = useQueryClient();
  const { data } = useQuery({ ...myDueQuestionnairesQuery(), initialData: initial });
  const [held] = useState(() => data.find((a) => a.id === assignmentId));
  const assignment = held ?? data.find((a) => a.id === assignmentId);

  if (!assignment) {
    return (
      <EmptyState
        title="This questionnaire is not waiting for you"
        action={<ButtonLink href="/portal">Back to your portal</ButtonLink>}
      >
        It may already be filled in, or your therapist no longer needs it. Anything due is listed on your portal&apos;s
        home page.
      </EmptyState>
    );
  }
  const { instrument } = assignment;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">{instrument.name}</h1>
      <p className="text-base text-muted">
        Answer for how things are for you today; there are no right or wrong answers. Your therapist will go through it
        with you.
      </p>
      <div className="rounded-lg border border-line bg-white p-5 shadow-sm">
        {instrument.needsClinicWording ? (
          <p className="text-base text-ink">
            This questionnaire is not ready yet. Your clinic will let you know when it is.
          </p>
        ) : (
          <QuestionnaireForm
            instrument={instrument}
            previousLabels={previousLabels}
            send={async (body) => {
              const result = await submitMyResponse({ ...body, assignmentId });
              void invalidateQuestionnaires(qc);
              return result;
            }}
            after={() => (
              <ButtonLink href="/portal" className="min-h-12 text-base">
                Back to your portal
              </ButtonLink>
            )}
          />
        )}
      </div>
    </div>
  );
}
