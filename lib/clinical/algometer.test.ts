import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { findings } from "@/db/schema";
import { actorFor, clientIdByName, freshDb, sessionFor, type TestDb } from "@/lib/testing/db";
import { POST as createFindingRoute } from "@/app/api/visits/[visitId]/findings/route";
import { PATCH as updateFindingRoute } from "@/app/api/visits/[visitId]/findings/[findingId]/route";
import { createVisit } from "./visits/create-visit";
import { algometerUnitFor } from "./algometer-unit";
import { getClinicSettings } from "@/lib/scheduling/setup/get-clinic-settings";
import { updateClinicSettings } from "@/lib/scheduling/setup/update-clinic-settings";

let t: TestDb;
let visitId: string;
const json = (method: string, body: unknown) => ({
  method,
  body: JSON.stringify(body),
  headers: { "content-type": "application/json" },
});
const newPoint = (trials: { value: number; unit: string }[]) => ({
  view: "back",
  x: 0.585,
  y: 0.185,
  muscleId: "upper_trapezius",
  side: "right",
  label: "UT-1 R",
  type: "active",
  pptTrials: trials,
});

beforeAll(async () => {
  t = await freshDb();
  const therapist = await actorFor(t.db, "therapist@demo.test");
  const clientId = await clientIdByName(t.db, "Priya", "Shah");
  visitId = (await createVisit(t.db, therapist, clientId, {})).id;
});
afterAll(() => t.close());

async function post(body: unknown, who = "therapist@demo.test") {
  return createFindingRoute.invoke(
    new Request(`http://test/api/visits/${visitId}/findings`, json("POST", body)),
    { visitId },
    { db: t.db, session: await sessionFor(t.db, who) },
  );
}

describe("algometer readings", () => {
  it("refuses kPa readings typed as kg/cm², naming the slip, and stores nothing", async () => {
    const before = await t.db.select({ id: findings.id }).from(findings).where(eq(findings.visitId, visitId));
    const res = await post(
      newPoint([
        { value: 320, unit: "kgf/cm2" },
        { value: 300, unit: "kgf/cm2" },
        { value: 310, unit: "kgf/cm2" },
      ]),
    );
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.fieldErrors["pptTrials.2.value"]).toEqual(["310 kg/cm² is about 30,400 kPa — did you mean kPa?"]);
    expect(error.fieldErrors["pptTrials.0.value"]).toEqual(["320 kg/cm² is about 31,400 kPa — did you mean kPa?"]);
    const after = await t.db.select({ id: findings.id }).from(findings).where(eq(findings.visitId, visitId));
    expect(after).toHaveLength(before.length);
  });

  it("refuses the same slip when an existing finding is edited", async () => {
    const created = await post(newPoint([]));
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const res = await updateFindingRoute.invoke(
      new Request(
        `http://test/api/visits/${visitId}/findings/${id}`,
        json("PATCH", {
          version: 1,
          pptTrials: [{ value: 3.1, unit: "kPa" }],
        }),
      ),
      { visitId, findingId: id },
      { db: t.db, session: await sessionFor(t.db, "therapist@demo.test") },
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error.fieldErrors["pptTrials.0.value"]).toEqual([
      "3.1 kPa is outside the plausible 10–2,500 kPa — did you mean kg/cm²?",
    ]);
  });

  it("starts on the clinic's unit and then remembers each therapist's last unit", async () => {
    const tara = await actorFor(t.db, "therapist@demo.test");
    const theo = await actorFor(t.db, "therapist2@demo.test");
    const admin = await actorFor(t.db, "admin@demo.test");
    const settings = await getClinicSettings(t.db, admin);
    await updateClinicSettings(t.db, admin, { ...settings, algometerUnit: "N/cm2" });
    expect(await algometerUnitFor(t.db, tara)).toBe("N/cm2");

    const res = await post(
      newPoint([
        { value: 320, unit: "kPa" },
        { value: 300, unit: "kPa" },
        { value: 310, unit: "kPa" },
      ]),
    );
    expect(res.status).toBe(201);
    const [saved] = await t.db
      .select({ mean: findings.pptKpaMean })
      .from(findings)
      .where(eq(findings.id, (await res.json()).id));
    expect(saved!.mean).toBe(310);
    expect(await algometerUnitFor(t.db, tara)).toBe("kPa");
    expect(await algometerUnitFor(t.db, theo)).toBe("N/cm2");
  });
});
