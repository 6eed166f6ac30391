import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-security";
import { listMyDevices } from "@/lib/auth/devices";

export const GET = route(ops.listMyDevices, ({ db, session }) => listMyDevices(db, session!));
