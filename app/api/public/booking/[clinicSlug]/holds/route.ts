import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-public-booking";
import { holdSlot } from "@/lib/scheduling/public-booking/hold-slot";
import { appUrl } from "@/lib/app-url";
import { kickOutbox } from "@/lib/delivery/email/deliver";
import { clientAddress } from "@/lib/http/client-address";

export const POST = route(ops.holdPublicSlot, async ({ db, input, req }) => {
  const result = await holdSlot(db, input.params.clinicSlug, input.body, {
    baseUrl: appUrl(req),
    address: clientAddress(req.headers),
  });
  kickOutbox();
  return result;
});
