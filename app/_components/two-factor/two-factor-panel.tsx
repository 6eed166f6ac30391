"use client";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { TwoFactorStatus } from "@/lib/identity/two-factor/schemas";
import { call, ops } from "@/app/_lib/api-client";
import { Button } from "@/app/_components/ui/button";
import { Badge, Notice } from "@/app/_components/ui/feedback";
import { EnrolForm } from "./enrol-form";
import { ProofForm } from "./proof-form";
import { RecoveryCodesList } from "./recovery-codes-list";
import { identityKeys } from "@/app/_lib/queries/identity";

type Mode = "view" | "enrol" | "codes" | "regenerate" | "disable";

/**
 * Two-factor sign-in for one's own login: set up, see status, new recovery codes, turn off.
 * `onEnrolledDone` is where to go once the codes are saved (the set-up page a clinic
 * requires sends the person on to their work).
 */
export function TwoFactorPanel({ initial, onEnrolledDone }: { initial: TwoFactorStatus; onEnrolledDone?: () => void }) {
  const cf = useClinicFormat();
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: identityKeys.twoFactor,
    queryFn: () => call(ops.getTwoFactor),
    initialData: initial,
  });
  const [mode, setMode] = useState<Mode>("view");
  const [codes, setCodes] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: identityKeys.twoFactor });
  const s = status.data;

  if (mode === "codes") {
    return (
      <RecoveryCodesList
        codes={codes}
        doneLabel={onEnrolledDone ? "I have saved them — continue" : "I have saved them"}
        onDone={() => {
          setCodes([]);
          setMode("view");
          if (onEnrolledDone) onEnrolledDone();
        }}
      />
    );
  }
  if (mode === "enrol") {
    return (
      <EnrolForm
        onEnrolled={(c) => {
          setCodes(c);
          setMode("codes");
          void refresh();
        }}
      />
    );
  }
  return (
    <div className="space-y-4">
      {message ? <Notice tone="success">{message}</Notice> : null}
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <span>Status:</span>
        <Badge tone={s.enabled ? "success" : "warning"}>{s.enabled ? "On" : "Off"}</Badge>
        {s.enabled && s.confirmedAt ? <span className="text-muted">since {cf.at(s.confirmedAt, "date")}</span> : null}
      </p>
      {s.enabled ? (
        <>
          <p className="text-sm text-ink">
            After your password, Knotwork asks for the 6-digit code from your authenticator app. Recovery codes left:{" "}
            <strong className="tabular-nums">{s.recoveryCodesLeft}</strong>
            {s.recoveryCodesLeft <= 3 ? " — make new ones before you run out." : "."}
          </p>
          {mode === "regenerate" ? (
            <ProofForm
              title="New recovery codes"
              op={ops.regenerateRecoveryCodes}
              submitLabel="Make new codes"
              onCancel={() => setMode("view")}
              onDone={(r) => {
                setCodes(r.recoveryCodes);
                setMode("codes");
                void refresh();
              }}
            />
          ) : mode === "disable" ? (
            <ProofForm
              title="Turn off two-factor sign-in"
              op={ops.disableTwoFactor}
              submitLabel="Turn off"
              danger
              onCancel={() => setMode("view")}
              onDone={() => {
                setMode("view");
                setMessage("Two-factor sign-in is off.");
                void refresh();
              }}
            />
          ) : (
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" onClick={() => setMode("regenerate")}>
                New recovery codes
              </Button>
              <Button variant="secondary" onClick={() => setMode("disable")}>
                Turn off
              </Button>
            </div>
          )}
          {s.requiredByClinic && mode === "disable" ? (
            <Notice tone="warning">
              Your clinic requires two-factor sign-in for staff: if you turn it off you will have to set it up again
              before you can work.
            </Notice>
          ) : null}
        </>
      ) : (
        <>
          <p className="text-sm text-ink">
            Protect your account with a second step at sign-in: a 6-digit code from an authenticator app on your phone.
            Someone who learns your password still cannot sign in without your phone.
          </p>
          <Button
            onClick={() => {
              setMessage(null);
              setMode("enrol");
            }}
          >
            Set up two-factor sign-in
          </Button>
        </>
      )}
    </div>
  );
}
