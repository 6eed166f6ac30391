import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-security";
import { signOutOtherDevices } from "@/lib/auth/devices";

export const POST = route(ops.signOutOtherDevices, ({ db, session }) => signOutOtherDevices(db, session!));
