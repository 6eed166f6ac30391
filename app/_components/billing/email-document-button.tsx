"use client";
import { useMutation } from "@tanstack/react-query";
import { useRef } from "react";
import { Button } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";
import type { EmailedDocument } from "@/lib/billing/email-schemas";

/**
 * "Email to client": queues the PDF (invoice, receipt or statement) for the client's address on
 * file. The server renders and sends it in the background, so the answer is "queued to …"; the
 * admin outbox shows whether it left. A 409 (no address, a void invoice) is shown as it comes.
 */
export function EmailDocumentButton({
  send: sendIt,
  what,
  label = "Email to client",
}: {
  /** The operation call: call(ops.emailInvoice, …) or call(ops.emailStatement, …). */
  send: () => Promise<EmailedDocument>;
  what: string;
  label?: string;
}) {
  const result = useRef<HTMLDivElement>(null);
  const send = useMutation({
    mutationFn: sendIt,
    // The outcome is announced (role=status/alert) and takes focus, so keyboard users hear it too.
    onSettled: () => requestAnimationFrame(() => result.current?.focus()),
  });
  return (
    <div className="contents">
      <Button variant="secondary" busy={send.isPending} onClick={() => send.mutate()}>
        {send.isPending ? "Sending…" : label}
      </Button>
      <div ref={result} tabIndex={-1} className="basis-full outline-none empty:hidden">
        {send.isSuccess ? (
          <Notice tone="success" testId="email-result">
            The {what} is on its way to {send.data.to}.
          </Notice>
        ) : null}
        {send.error ? (
          <Notice tone="danger" testId="email-result">
            {send.error.message}
          </Notice>
        ) : null}
      </div>
    </div>
  );
}
