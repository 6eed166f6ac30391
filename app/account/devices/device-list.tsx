"use client";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { signOut } from "@/app/_lib/auth-client";
import type { DeviceDto } from "@/lib/identity/session-schemas";
import { call, ops, ApiError } from "@/app/_lib/api-client";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Confirm } from "@/app/_components/ui/confirm";
import { Badge, Notice } from "@/app/_components/ui/feedback";

const KEY = ["me", "sessions"] as const;

export function DeviceList({ initialDevices }: { initialDevices: DeviceDto[] }) {
  const cf = useClinicFormat();
  const queryClient = useQueryClient();
  const statusRef = useRef<HTMLDivElement>(null);
  const [done, setDone] = useState<string | null>(null);
  const devices = useQuery({
    queryKey: KEY,
    queryFn: () => call(ops.listMyDevices),
    initialData: initialDevices,
  });
  const after = (message: string) => {
    setDone(message);
    void queryClient.invalidateQueries({ queryKey: KEY });
    // Focus follows the result, so a keyboard or screen-reader user hears what happened.
    requestAnimationFrame(() => statusRef.current?.focus());
  };
  const signOutOne = useMutation({
    mutationFn: async (d: DeviceDto) => {
      // This browser: a normal sign-out, which also clears its cookie (and ends the row server-side).
      if (d.current) return signOut({ callbackUrl: "/signin" });
      return call(ops.signOutDevice, { body: { sessionId: d.id } });
    },
    onSuccess: (_r, d) => {
      if (!d.current) after(`Signed out ${d.browser} on ${d.os}.`);
    },
  });
  const signOutOthers = useMutation({
    mutationFn: () => call(ops.signOutOtherDevices),
    onSuccess: (r) => after(r.ended === 1 ? "Signed out 1 other device." : `Signed out ${r.ended} other devices.`),
  });
  const error = signOutOne.error ?? signOutOthers.error ?? devices.error;
  const others = devices.data.filter((d) => !d.current).length;

  return (
    <div className="space-y-4">
      <div ref={statusRef} tabIndex={-1} className="outline-none" data-testid="devices-status-region">
        {done ? (
          <Notice tone="success" testId="devices-status">
            {done}
          </Notice>
        ) : null}
        {error ? (
          <Notice tone="danger" testId="devices-error">
            {error instanceof ApiError ? error.message : "Something went wrong. Please try again."}
          </Notice>
        ) : null}
      </div>
      <Card
        title={`${devices.data.length} signed-in ${devices.data.length === 1 ? "device" : "devices"}`}
        actions={
          others > 0 ? (
            <Confirm
              trigger={<Button variant="secondary">Sign out everywhere else</Button>}
              title="Sign out everywhere else?"
              description={`Every other browser and device signed in as you (${others}) will need your password again. This one stays signed in.`}
              confirmLabel="Sign out everywhere else"
              danger
              onConfirm={() => signOutOthers.mutate()}
            />
          ) : null
        }
      >
        <ul className="divide-y divide-line" aria-busy={devices.isFetching}>
          {devices.data.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div className="min-w-0">
                <p className="font-medium text-ink">
                  {d.browser} on {d.os} {d.current ? <Badge tone="success">This device</Badge> : null}
                </p>
                <p className="text-sm text-muted">
                  {d.address ? `${d.address} · ` : ""}Last active {cf.at(d.lastActiveAt, "dateTime")} · Signed in{" "}
                  {cf.at(d.signedInAt, "dateTime")}
                </p>
              </div>
              <Button
                variant="secondary"
                aria-label={
                  d.current
                    ? "Sign out this device"
                    : `Sign out ${d.browser} on ${d.os}, last active ${cf.at(d.lastActiveAt, "dateTime")}`
                }
                disabled={signOutOne.isPending}
                onClick={() => signOutOne.mutate(d)}
              >
                Sign out
              </Button>
            </li>
          ))}
        </ul>
        <p className="mt-4 text-xs text-muted">
          Times in {cf.timeZone}. Every sign-in ends after 12 hours; staff are also signed out after a period without
          activity that the clinic sets.
        </p>
      </Card>
    </div>
  );
}
