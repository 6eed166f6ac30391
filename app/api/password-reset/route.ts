import { route } from "@/lib/http/route";
import * as ops from "@/lib/identity/operations";
import { requestPasswordReset } from "@/lib/identity/password-reset";
import { appUrl } from "@/lib/app-url";
import { kickOutbox } from "@/lib/delivery/email/deliver";
import { config } from "@/lib/config";
import { clientAddress } from "@/lib/http/client-address";

export const POST = route(ops.requestPasswordReset, async ({ db, input, req }) => {
  const { link } = await requestPasswordReset(db, input.body.email, appUrl(req), {
    address: clientAddress(req.headers),
  });
  kickOutbox();
  // Without SMTP in development the link would be lost: print it to the developer's terminal.
  if (link && config().NODE_ENV === "development" && !config().SMTP_URL)
    console.info(`[knotwork] password reset link: ${link}`);
  return { message: "If that email has a Knotwork login, a reset link is on its way." };
});
