"use client";
import Link from "next/link";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, applyFieldErrors } from "@/app/_lib/api";
import {
  assignQuestionnaire,
  questionnaireKeys,
  type AssignmentDto,
  type InstrumentDto,
} from "@/app/_lib/queries/questionnaires";
import { Button } from "@/app/_components/ui/button";
import { Field, SelectField } from "@/app/_components/ui/field";
import { Notice } from "@/app/_components/ui/feedback";
import type { ComplaintDto } from "@/lib/outcomes/pain/schemas";

interface Values {
  instrumentId: string;
  schedule: "once" | "recurring";
  everyNVisits: string;
  complaintId: string;
}

/**
 * Assigns a questionnaire once (intake, re-assessment) or every N visits. Questionnaires whose
 * licensed wording the clinic has not entered yet are listed but cannot be chosen.
 */
export function AssignForm({
  clientId,
  instruments,
  assignments,
  complaints,
  canConfigure,
}: {
  clientId: string;
  assignments: AssignmentDto[];
  instruments: InstrumentDto[];
  complaints: ComplaintDto[];
  canConfigure: boolean;
}) {
  const qc = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const ready = instruments.filter((i) => !i.needsClinicWording);
  const {
    register,
    handleSubmit,
    control,
    setError,
    reset,
    formState: { errors },
  } = useForm<Values>({
    defaultValues: { instrumentId: ready[0]?.id ?? "", schedule: "once", everyNVisits: "4", complaintId: "" },
  });
  const recurring = useWatch({ control, name: "schedule" }) === "recurring";

  const assign = useMutation({
    mutationFn: (v: Values) =>
      assignQuestionnaire(clientId, {
        instrumentId: v.instrumentId,
        everyNVisits: v.schedule === "recurring" ? Number(v.everyNVisits) : null,
        complaintId: v.complaintId || null,
      }),
    onSuccess: (_r, v) => {
      setDone(instruments.find((i) => i.id === v.instrumentId)?.name ?? "The questionnaire");
      reset({ ...v });
      return qc.invalidateQueries({ queryKey: questionnaireKeys.assignments(clientId) });
    },
    onError: (err) => applyFieldErrors(err, setError),
  });

  const submit = handleSubmit((v) => {
    setDone(null);
    // A second copy of one already waiting would show twice in the client's portal.
    const waiting = assignments.find((a) => a.instrumentId === v.instrumentId && a.due);
    if (waiting)
      return setError("instrumentId", {
        message: `${waiting.instrumentName} is already waiting for the client. Stop that one first, or choose another.`,
      });
    const n = Number(v.everyNVisits);
    if (v.schedule === "recurring" && (!Number.isInteger(n) || n < 1 || n > 52)) {
      return setError("everyNVisits", { message: "Every 1 to 52 visits." });
    }
    assign.mutate(v);
  });

  const missing = instruments.filter((i) => i.needsClinicWording);
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <SelectField
        label="Questionnaire"
        error={errors.instrumentId?.message}
        {...register("instrumentId", { required: "Choose a questionnaire." })}
      >
        {instruments.map((i) => (
          <option key={i.id} value={i.id} disabled={i.needsClinicWording}>
            {i.name}
            {i.needsClinicWording ? " — needs the clinic's wording" : ""}
          </option>
        ))}
      </SelectField>
      {missing.length > 0 ? (
        <p className="text-sm text-muted">
          {missing.map((i) => i.name.replace(/^.*\((\w+)[^)]*\)$/, "$1")).join(", ")} can be assigned once the clinic
          has entered their licensed wording
          {canConfigure ? (
            <>
              {" "}
              in{" "}
              <Link href="/questionnaires" className="text-accent-700 underline">
                questionnaire settings
              </Link>
            </>
          ) : null}
          .
        </p>
      ) : null}
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-ink">When</legend>
        <label className="flex min-h-11 items-center gap-3 text-sm">
          <input type="radio" value="once" className="size-5 accent-accent-700" {...register("schedule")} /> Once
          (intake or re-assessment)
        </label>
        <label className="flex min-h-11 items-center gap-3 text-sm">
          <input type="radio" value="recurring" className="size-5 accent-accent-700" {...register("schedule")} /> Again
          every few visits
        </label>
      </fieldset>
      {recurring ? (
        <Field
          label="Every how many visits?"
          type="number"
          inputMode="numeric"
          min={1}
          max={52}
          className="max-w-48"
          hint="Due again once this many visits have happened since the last answers."
          error={errors.everyNVisits?.message}
          {...register("everyNVisits")}
        />
      ) : null}
      {complaints.length > 0 ? (
        <SelectField label="For complaint (optional)" error={errors.complaintId?.message} {...register("complaintId")}>
          <option value="">Not tied to one complaint</option>
          {complaints.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </SelectField>
      ) : null}
      {assign.isError && !(assign.error instanceof ApiError && Object.keys(assign.error.fieldErrors).length) ? (
        <Notice tone="danger">{assign.error.message}</Notice>
      ) : null}
      {done ? <Notice tone="success">{done} assigned. It is due now in the client&apos;s portal.</Notice> : null}
      <Button type="submit" busy={assign.isPending} disabled={ready.length === 0}>
        Assign
      </Button>
    </form>
  );
}
