import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations-packages";
import { listClientPackages } from "@/lib/billing/client-packages";
import { sellPackage } from "@/lib/billing/sell-package";

export const GET = route(ops.listClientPackages, ({ db, actor, input }) =>
  listClientPackages(db, actor, input.params.clientId),
);
export const POST = route(ops.sellPackage, ({ db, actor, input }) =>
  sellPackage(db, actor, input.params.clientId, input.body),
);
