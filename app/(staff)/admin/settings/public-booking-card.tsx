"use client";
import "@/app/_lib/zod-browser";
import { useMutation } from "@tanstack/react-query";
import { Controller, useForm } from "react-hook-form";
import { z } from "zod";
import { zodResolver } from "@hookform/resolvers/zod";
import { call, ops, ApiError, applyFieldErrors } from "@/app/_lib/api-client";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Notice } from "@/app/_components/ui/feedback";
import {
  publicBookingSettingsBody,
  type PublicBookingSettings,
  type PublicBookingSettingsInput,
} from "@/lib/scheduling/public-booking/schemas";

const check = "h-5 w-5 rounded border-stone-300 text-accent-600";

// The websites are typed one per line; the list they make is checked by the server's rule and its
// first complaint shown under the box (the server names a bad line "embedOrigins.0").
const formSchema = publicBookingSettingsBody.extend({
  embedOrigins: z.string().transform((text, ctx) => {
    const list = publicBookingSettingsBody.shape.embedOrigins.safeParse(
      text
        .split(/\s+/)
        .map((o) => o.trim())
        .filter(Boolean),
    );
    if (list.success) return list.data;
    ctx.addIssue({ code: "custom", message: list.error.issues[0]!.message });
    return z.NEVER;
  }),
});
type FormValues = z.input<typeof formSchema>;

const toValues = (s: PublicBookingSettings): FormValues => ({
  enabled: s.enabled,
  leadHours: s.leadHours,
  horizonDays: s.horizonDays,
  requiresApproval: s.requiresApproval,
  embedOrigins: s.embedOrigins.join("\n"),
  typeIds: s.typeIds,
});

/** The public booking page for new clients: on/off, what they may book, how soon and how far ahead, embedding. */
export function PublicBookingCard({ initial, origin }: { initial: PublicBookingSettings; origin: string }) {
  const form = useForm<FormValues, unknown, PublicBookingSettingsInput>({
    resolver: zodResolver(formSchema),
    defaultValues: toValues(initial),
  });
  const save = useMutation({
    mutationFn: (body: PublicBookingSettingsInput) => call(ops.updatePublicBookingSettings, { body }),
    onSuccess: (saved) => form.reset(toValues(saved)),
    onError: (err) =>
      applyFieldErrors(err, (name: string, e) => form.setError(name.split(".")[0] as keyof FormValues, e)),
  });
  const err = save.error instanceof ApiError ? save.error : null;
  const e = form.formState.errors;
  const pageUrl = `${origin}/book/${initial.slug}`;
  return (
    <Card title="Online booking for new clients">
      <form className="space-y-4" noValidate onSubmit={form.handleSubmit((v) => save.mutate(v))}>
        {save.isSuccess ? <Notice tone="success">Saved.</Notice> : null}
        {err && !Object.keys(err.fieldErrors).length ? <Notice tone="danger">{err.message}</Notice> : null}
        <label className="flex min-h-11 items-center gap-3 text-sm">
          <input type="checkbox" className={check} {...form.register("enabled")} />
          Let new clients book on the public page
        </label>
        <p className="text-sm text-muted">
          Page: <code className="break-all">{pageUrl}</code>
        </p>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-ink">Appointment types new clients may book</legend>
          {initial.types.length === 0 ? <p className="text-sm text-muted">Add an appointment type first.</p> : null}
          <Controller
            control={form.control}
            name="typeIds"
            render={({ field }) => (
              <>
                {initial.types.map((t) => (
                  <label key={t.id} className="flex min-h-11 items-center gap-3 text-sm">
                    <input
                      type="checkbox"
                      className={check}
                      checked={field.value.includes(t.id)}
                      onChange={(ev) =>
                        field.onChange(
                          ev.target.checked ? [...field.value, t.id] : field.value.filter((id) => id !== t.id),
                        )
                      }
                    />
                    {t.name}
                  </label>
                ))}
              </>
            )}
          />
          {e.typeIds?.message ? <p className="text-sm text-danger">{e.typeIds.message}</p> : null}
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Earliest booking (hours from now)"
            type="number"
            min={0}
            max={720}
            {...form.register("leadHours", { valueAsNumber: true })}
            error={e.leadHours?.message}
          />
          <Field
            label="Furthest ahead (days)"
            type="number"
            min={1}
            max={365}
            {...form.register("horizonDays", { valueAsNumber: true })}
            error={e.horizonDays?.message}
          />
        </div>
        <label className="flex min-h-11 items-center gap-3 text-sm">
          <input type="checkbox" className={check} {...form.register("requiresApproval")} />A therapist accepts each
          request before it is booked
        </label>
        <div>
          <label htmlFor="embed-origins" className="mb-1 block text-sm font-medium text-ink">
            Websites that may show the page in a frame
          </label>
          <textarea
            id="embed-origins"
            rows={3}
            {...form.register("embedOrigins")}
            aria-describedby="embed-origins-hint"
            aria-invalid={e.embedOrigins ? true : undefined}
            className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base"
          />
          <p id="embed-origins-hint" className="mt-1 text-sm text-muted">
            One per line, such as https://www.myclinic.example. Then add{" "}
            <code className="break-all">{`<iframe src="${pageUrl}" title="Book an appointment"></iframe>`}</code> to
            that site.
          </p>
          {e.embedOrigins ? <p className="mt-1 text-sm text-danger">{e.embedOrigins.message}</p> : null}
        </div>
        <Button type="submit" busy={save.isPending}>
          Save online booking
        </Button>
      </form>
    </Card>
  );
}
