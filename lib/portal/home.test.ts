import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/identity/actor";
import type { AppError } from "@/lib/errors";
import { actorFor, freshDb, inRolledBackTransaction, type TestDb } from "@/lib/testing/db";
import { productionRolesIn, roleHandles } from "@/lib/testing/role-handles";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { getPortalProgramme } from "@/lib/programmes/portal";
import { listMyAppointments } from "@/lib/scheduling/portal-booking/list-my-appointments";
import { getBookingOptions } from "@/lib/scheduling/portal-booking/get-booking-options";
import { listMyDueQuestionnaires } from "@/lib/outcomes/questionnaires/assignments/list-my-due-questionnaires";
import { listMyCheckIns } from "@/lib/outcomes/questionnaires/check-ins/list-my-check-ins";
import { listComplaints } from "@/lib/outcomes/pain/complaints/list-complaints";
import { listMyDiary } from "@/lib/outcomes/pain/list-my-diary";
import { getProgress } from "@/lib/outcomes/pain/progress";
import { loadPortalHome } from "./home";

let t: TestDb;
let casey: Actor;
let therapist: Actor;

beforeAll(async () => {
  t = await freshDb();
  casey = await actorFor(t.db, "client@demo.test");
  therapist = await actorFor(t.db, "therapist@demo.test");
});
afterAll(() => t.close());

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e as AppError,
  );

describe("the portal home in one read", () => {
  it("is what the cards' own use-cases answer, one by one", async () => {
    const home = await loadPortalHome(t.db, casey);
    const clientId = casey.clientId!;
    expect(home.me).toEqual(await getClientOrThrow(t.db, casey, clientId));
    expect(home.programme).toEqual(await getPortalProgramme(t.db, casey));
    expect(home.appointments).toEqual(await listMyAppointments(t.db, casey));
    expect(home.bookingOptions).toEqual(await getBookingOptions(t.db, casey));
    expect(home.due).toEqual(await listMyDueQuestionnaires(t.db, casey));
    expect(home.checkIns).toEqual(await listMyCheckIns(t.db, casey));
    expect(home.complaints).toEqual(await listComplaints(t.db, casey, clientId));
    expect(home.diary).toEqual(await listMyDiary(t.db, casey));
    expect(home.progress).toEqual(await getProgress(t.db, casey, clientId));
    // The demo client has a programme, appointments, complaints and diary entries: the cards are not empty.
    expect(home.programme?.programmes.length).toBeGreaterThan(0);
    expect(home.complaints?.length).toBeGreaterThan(0);
    expect(home.diary?.length).toBeGreaterThan(0);
  });

  it("reads the same under row-level security, as the application role on the clinic handle", async () => {
    const expected = await loadPortalHome(t.db, casey);
    const handles = roleHandles(t);
    const asApp = handles
      ? await loadPortalHome(await handles.clinicDb(casey.clinicId), casey).finally(() => handles.close())
      : await inRolledBackTransaction(t.db, async (tx) =>
          loadPortalHome(await (await productionRolesIn(tx)).clinicDb(casey.clinicId), casey),
        );
    expect(asApp).toEqual(expected);
  });

  it("is the client's own only: staff are refused, as the portal's endpoints refuse them", async () => {
    expect((await errorOf(loadPortalHome(t.db, therapist))).code).toBe("FORBIDDEN");
  });
});
