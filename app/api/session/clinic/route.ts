import { route } from "@/lib/http/route";
import * as ops from "@/lib/identity/operations";
import { chooseClinic } from "@/lib/identity/describe-session";
import { json } from "@/lib/http/respond";
import { CLINIC_COOKIE_NAME } from "@/lib/identity/cookie";

export const POST = route(ops.selectClinic, async ({ db, session, input, req }) => {
  const result = await chooseClinic(db, session!, input.body.clinicId);
  const secure = new URL(req.url).protocol === "https:" ? "; Secure" : "";
  return json(result, 200, {
    "set-cookie": `${CLINIC_COOKIE_NAME}=${result.clinicId}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000${secure}`,
  });
});
