import { route } from "@/lib/http/route";
import * as ops from "@/lib/identity/operations-security";
import { signOutOtherDevices } from "@/lib/identity/devices";

export const POST = route(ops.signOutOtherDevices, ({ db, session }) => signOutOtherDevices(db, session!));
