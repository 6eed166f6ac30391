import { route } from "@/lib/http/route";
import * as ops from "@/lib/messaging/operations";
import { getClientMessagePreferences } from "@/lib/messaging/message-preferences/get-client-message-preferences";
import { setClientMessagePreferences } from "@/lib/messaging/message-preferences/set-client-message-preferences";

export const GET = route(ops.getClientMessagePreferences, ({ db, actor, input }) =>
  getClientMessagePreferences(db, actor, input.params.clientId),
);
export const PUT = route(ops.setClientMessagePreferences, ({ db, actor, input }) =>
  setClientMessagePreferences(db, actor, input.params.clientId, input.body),
);
