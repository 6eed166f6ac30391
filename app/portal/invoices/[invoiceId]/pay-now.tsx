"use client";
import { useMutation } from "@tanstack/react-query";
import { call, ops } from "@/app/_lib/api-client";
import { Button } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";

/** Sends the client to the provider's hosted checkout for what is still due. */
export function PayNow({ invoiceId }: { invoiceId: string }) {
  const go = useMutation({
    mutationFn: () => call(ops.startCheckout, { params: { myInvoiceId: invoiceId } }),
    onSuccess: (r) => {
      if (r.url) window.location.assign(r.url);
    },
  });
  return (
    <>
      <Button className="min-h-12 text-base" busy={go.isPending} onClick={() => go.mutate()}>
        Pay now
      </Button>
      {go.error ? <Notice tone="danger">{go.error.message}</Notice> : null}
      {go.data && !go.data.url ? <Notice tone="info">Online payment is not available at this clinic.</Notice> : null}
    </>
  );
}
