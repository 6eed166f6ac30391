import { route } from "@/lib/http/route";
import * as ops from "@/lib/identity/operations";
import { listStaff } from "@/lib/identity/staff/list-staff";

export const GET = route(ops.listStaff, ({ db, actor }) => listStaff(db, actor));
