import { route } from "@/lib/http/route";
import * as ops from "@/lib/identity/operations-security";
import { listMyDevices } from "@/lib/identity/devices";

export const GET = route(ops.listMyDevices, ({ db, session }) => listMyDevices(db, session!));
