import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations-setup";
import { listRegistrations } from "@/lib/billing/settings/list-registrations";
import { setRegistration } from "@/lib/billing/settings/set-registration";

export const GET = route(ops.listRegistrations, ({ db, actor }) => listRegistrations(db, actor));
export const PUT = route(ops.setRegistration, ({ db, actor, input }) => setRegistration(db, actor, input.body));
