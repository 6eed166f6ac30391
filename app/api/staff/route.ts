import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-foundation";
import { listStaff } from "@/lib/staff/list-staff";

export const GET = route(ops.listStaff, ({ db, actor }) => listStaff(db, actor));
