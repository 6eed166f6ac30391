"use client";
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { call, ops, ApiError } from "@/app/_lib/api-client";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Notice } from "@/app/_components/ui/feedback";
import type { PublicBookingSettings } from "@/lib/scheduling/public-booking/schemas";

const check = "h-5 w-5 rounded border-stone-300 text-accent-600";

/** The public booking page for new clients: on/off, what they may book, how soon and how far ahead, embedding. */
export function PublicBookingCard({ initial, origin }: { initial: PublicBookingSettings; origin: string }) {
  const [s, setS] = useState(initial);
  const [originsText, setOriginsText] = useState(initial.embedOrigins.join("\n"));
  const save = useMutation({
    mutationFn: () =>
      call(ops.updatePublicBookingSettings, {
        body: {
          enabled: s.enabled,
          leadHours: Number(s.leadHours),
          horizonDays: Number(s.horizonDays),
          requiresApproval: s.requiresApproval,
          embedOrigins: originsText
            .split(/\s+/)
            .map((o) => o.trim())
            .filter(Boolean),
          typeIds: s.typeIds,
        },
      }),
    onSuccess: (saved) => {
      setS(saved);
      setOriginsText(saved.embedOrigins.join("\n"));
    },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  const fieldError = (name: string) => err?.fieldErrors[name]?.[0] ?? err?.fieldErrors[`${name}.0`]?.[0];
  const pageUrl = `${origin}/book/${s.slug}`;
  return (
    <Card title="Online booking for new clients">
      <form
        className="space-y-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        {save.isSuccess ? <Notice tone="success">Saved.</Notice> : null}
        {err && !Object.keys(err.fieldErrors).length ? <Notice tone="danger">{err.message}</Notice> : null}
        <label className="flex min-h-11 items-center gap-3 text-sm">
          <input
            type="checkbox"
            className={check}
            checked={s.enabled}
            onChange={(e) => setS({ ...s, enabled: e.target.checked })}
          />
          Let new clients book on the public page
        </label>
        <p className="text-sm text-muted">
          Page: <code className="break-all">{pageUrl}</code>
        </p>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-ink">Appointment types new clients may book</legend>
          {s.types.length === 0 ? <p className="text-sm text-muted">Add an appointment type first.</p> : null}
          {s.types.map((t) => (
            <label key={t.id} className="flex min-h-11 items-center gap-3 text-sm">
              <input
                type="checkbox"
                className={check}
                checked={s.typeIds.includes(t.id)}
                onChange={(e) =>
                  setS({
                    ...s,
                    typeIds: e.target.checked ? [...s.typeIds, t.id] : s.typeIds.filter((id) => id !== t.id),
                  })
                }
              />
              {t.name}
            </label>
          ))}
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Earliest booking (hours from now)"
            type="number"
            min={0}
            max={720}
            value={s.leadHours}
            error={fieldError("leadHours")}
            onChange={(e) => setS({ ...s, leadHours: e.target.valueAsNumber })}
          />
          <Field
            label="Furthest ahead (days)"
            type="number"
            min={1}
            max={365}
            value={s.horizonDays}
            error={fieldError("horizonDays")}
            onChange={(e) => setS({ ...s, horizonDays: e.target.valueAsNumber })}
          />
        </div>
        <label className="flex min-h-11 items-center gap-3 text-sm">
          <input
            type="checkbox"
            className={check}
            checked={s.requiresApproval}
            onChange={(e) => setS({ ...s, requiresApproval: e.target.checked })}
          />
          A therapist accepts each request before it is booked
        </label>
        <div>
          <label htmlFor="embed-origins" className="mb-1 block text-sm font-medium text-ink">
            Websites that may show the page in a frame
          </label>
          <textarea
            id="embed-origins"
            rows={3}
            value={originsText}
            onChange={(e) => setOriginsText(e.target.value)}
            aria-describedby="embed-origins-hint"
            aria-invalid={fieldError("embedOrigins") ? true : undefined}
            className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base"
          />
          <p id="embed-origins-hint" className="mt-1 text-sm text-muted">
            One per line, such as https://www.myclinic.example. Then add{" "}
            <code className="break-all">{`<iframe src="${pageUrl}" title="Book an appointment"></iframe>`}</code> to
            that site.
          </p>
          {fieldError("embedOrigins") ? <p className="mt-1 text-sm text-danger">{fieldError("embedOrigins")}</p> : null}
        </div>
        <Button type="submit" busy={save.isPending}>
          Save online booking
        </Button>
      </form>
    </Card>
  );
}
