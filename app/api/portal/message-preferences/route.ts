import { route } from "@/lib/http/route";
import * as ops from "@/lib/messaging/operations";
import { getMyMessagePreferences } from "@/lib/messaging/message-preferences/get-my-message-preferences";
import { setMyMessagePreferences } from "@/lib/messaging/message-preferences/set-my-message-preferences";

export const GET = route(ops.getMyMessagePreferences, ({ db, actor }) => getMyMessagePreferences(db, actor));
export const PUT = route(ops.setMyMessagePreferences, ({ db, actor, input }) =>
  setMyMessagePreferences(db, actor, input.body),
);
