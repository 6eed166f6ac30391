"use client";
import "@/app/_lib/zod-browser";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import type { z } from "zod";
import { createClinicMuscleBody, type MuscleDto } from "@/lib/clinical/schemas";
import { regionName } from "@/lib/clinical/rules/regions";
import { call, ops, applyFieldErrors } from "@/app/_lib/api-client";
import { musclesQuery } from "@/app/_lib/queries/visits";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Badge, Notice } from "@/app/_components/ui/feedback";
import { RegionPicker } from "../visits/[visitId]/_components/region-picker";

type Values = z.input<typeof createClinicMuscleBody>;

export function MuscleLibrary({ initial, canAdd }: { initial: MuscleDto[]; canAdd: boolean }) {
  const qc = useQueryClient();
  const { data: muscles } = useQuery({ ...musclesQuery(), initialData: initial });
  const [filter, setFilter] = useState("");
  const form = useForm<Values>({
    resolver: zodResolver(createClinicMuscleBody),
    defaultValues: { name: "", region: "", referralZones: [], referralNote: "", sideApplicable: true },
  });
  const zones = useWatch({ control: form.control, name: "referralZones" }) ?? [];
  const add = useMutation({
    mutationFn: (v: Values) => call(ops.createClinicMuscle, { body: v }),
    onSuccess: () => {
      form.reset();
      void qc.invalidateQueries({ queryKey: musclesQuery().queryKey });
    },
    onError: (err) => applyFieldErrors(err, form.setError),
  });
  const shown = muscles.filter((m) => m.name.toLowerCase().includes(filter.trim().toLowerCase()));
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-4 lg:col-span-2">
        <Field label="Filter muscles" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <ul className="divide-y divide-line rounded-lg border border-line bg-white" aria-label="Muscles">
          {shown.map((m) => (
            <li key={m.id} className="p-4">
              <div className="flex flex-wrap items-center gap-2">
                <p className="font-medium">{m.name}</p>
                {m.source === "clinic" ? <Badge tone="info">Clinic</Badge> : null}
                <span className="text-sm text-muted">
                  {m.triggerPoints
                    .map((t) => t.label)
                    .filter(Boolean)
                    .join(", ")}
                </span>
              </div>
              {m.referralNote ? <p className="mt-1 text-sm text-muted">{m.referralNote}</p> : null}
              {m.referralZones.length > 0 ? (
                <p className="mt-1 text-xs text-muted">Refers to: {m.referralZones.map(regionName).join(", ")}</p>
              ) : null}
              {m.cautions.length > 0 ? (
                <p className="mt-1 text-xs text-danger">Caution: {m.cautions.join(" ")}</p>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
      {canAdd ? (
        <Card title="Add a clinic muscle">
          <form className="space-y-4" onSubmit={form.handleSubmit((v) => add.mutate(v))} noValidate>
            {add.isSuccess ? <Notice tone="success">Added to your clinic&apos;s library.</Notice> : null}
            {add.error && !Object.keys((add.error as { fieldErrors?: object }).fieldErrors ?? {}).length ? (
              <Notice tone="danger">{add.error.message}</Notice>
            ) : null}
            <Field label="Name" error={form.formState.errors.name?.message} {...form.register("name")} />
            <Field
              label="Body region"
              hint="e.g. knee, forearm"
              error={form.formState.errors.region?.message}
              {...form.register("region")}
            />
            <RegionPicker
              label="Typical referral zones (right side)"
              value={zones}
              onChange={(v) => form.setValue("referralZones", v)}
            />
            <Field label="Referral pattern note" {...form.register("referralNote")} />
            <Button type="submit" busy={add.isPending} className="w-full">
              Add muscle
            </Button>
          </form>
        </Card>
      ) : null}
    </div>
  );
}
