"use client";
import "@/app/_lib/zod-browser";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { applyFieldErrors } from "@/app/_lib/api-client";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { Button } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";
import {
  CHANNEL_LABELS,
  messagePreferencesBody,
  type MessagePreferencesBody,
  type MessagePreferencesDto,
} from "@/lib/messaging/preference-schemas";

type Audience = "staff" | "client";

const SOURCE = { staff: "recorded by the clinic", portal: "in the portal" } as const;

/**
 * How a client hears from the clinic, and their consent to text messages: the same form on the
 * client page (staff record what the client said) and in the portal (the client chooses). SMS
 * choices appear only where SMS is set up; choosing SMS needs the consent box ticked.
 */
export function MessagePreferencesForm({
  value,
  audience,
  save,
  onSaved,
}: {
  value: MessagePreferencesDto;
  audience: Audience;
  save: (body: MessagePreferencesBody) => Promise<MessagePreferencesDto>;
  onSaved?: (dto: MessagePreferencesDto) => void;
}) {
  const fmt = useClinicFormat();
  const ids = useId();
  const [saved, setSaved] = useState(false);
  const form = useForm<MessagePreferencesBody>({
    resolver: zodResolver(messagePreferencesBody),
    values: { channel: value.channel, smsConsent: value.smsConsent },
  });
  const mutation = useMutation({
    mutationFn: save,
    onMutate: () => setSaved(false),
    onSuccess: (dto) => {
      setSaved(true);
      onSaved?.(dto);
    },
    onError: (err) => applyFieldErrors(err, form.setError),
  });
  const errors = form.formState.errors;
  const you = audience === "client";
  const channels = value.smsAvailable ? (["email", "sms", "both", "none"] as const) : (["email", "none"] as const);
  const consentLine = value.smsConsentAt
    ? `${value.smsConsent ? "Consent given" : "Consent withdrawn"} ${fmt.at(value.smsConsentAt, "dateTime")}, ${SOURCE[value.smsConsentSource ?? "staff"]}.`
    : "No consent recorded.";
  return (
    <form className="space-y-4" noValidate onSubmit={form.handleSubmit((body) => mutation.mutate(body))}>
      <fieldset aria-describedby={errors.channel ? `${ids}-channel-error` : undefined}>
        <legend className="mb-1 text-sm font-medium text-ink">
          {you ? "How should we contact you?" : "How the client wants to hear from us"}
        </legend>
        <div className="grid gap-1">
          {channels.map((c) => (
            <label key={c} className="flex min-h-11 items-center gap-2 text-sm">
              <input type="radio" value={c} className="size-4" {...form.register("channel")} />
              {CHANNEL_LABELS[c]}
            </label>
          ))}
        </div>
        {errors.channel ? (
          <p id={`${ids}-channel-error`} className="mt-1 text-sm text-danger">
            {errors.channel.message}
          </p>
        ) : null}
      </fieldset>
      {value.smsAvailable ? (
        <div className="space-y-1">
          <label className="flex min-h-11 items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-1 size-4"
              aria-describedby={`${ids}-consent-hint${errors.smsConsent ? ` ${ids}-consent-error` : ""}`}
              {...form.register("smsConsent")}
            />
            <span>
              {you
                ? "I agree to receive text messages about my appointments."
                : "The client agrees to receive text messages about appointments."}
            </span>
          </label>
          <p id={`${ids}-consent-hint`} className="text-xs text-muted">
            {value.smsNumber
              ? `Texts go to ${value.smsNumber}.`
              : you
                ? "We have no mobile number for you: ask the clinic to add one."
                : "No mobile number on the record: add one in the details."}{" "}
            {consentLine}
          </p>
          {errors.smsConsent ? (
            <p id={`${ids}-consent-error`} className="text-sm text-danger">
              {errors.smsConsent.message}
            </p>
          ) : null}
        </div>
      ) : (
        <p className="text-xs text-muted">Text messages are not set up for this clinic.</p>
      )}
      {mutation.error && !Object.keys(errors).length ? <Notice tone="danger">{mutation.error.message}</Notice> : null}
      {saved ? (
        <p role="status" className="text-sm text-ok">
          Saved.
        </p>
      ) : null}
      <Button type="submit" busy={mutation.isPending}>
        Save {you ? "my" : ""} preferences
      </Button>
    </form>
  );
}
