import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import { getClientSafety } from "./get-client-safety";
import { setPrecautions } from "./set-precautions";
import { setTools } from "./set-tools";
import { setPrecautionsBody, setToolsBody } from "./schemas";

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(() => t.close());

describe("precautions screen and tools", () => {
  it("replaces the screen as a whole and labels each precaution", async () => {
    const therapist = await actorFor(t.db, "therapist@demo.test");
    const priya = await clientIdByName(t.db, "Priya", "Shah");
    await setPrecautions(
      t.db,
      therapist,
      priya,
      setPrecautionsBody.parse({ items: [{ id: "anticoagulants", note: "Warfarin" }, { id: "pregnancy" }] }),
    );
    const after = await setPrecautions(
      t.db,
      therapist,
      priya,
      setPrecautionsBody.parse({ items: [{ id: "anticoagulants", note: "Apixaban" }] }),
    );
    expect(after.precautions).toEqual([
      expect.objectContaining({
        id: "anticoagulants",
        label: "Blood thinners or a bleeding disorder",
        note: "Apixaban",
      }),
    ]);
    expect(setPrecautionsBody.safeParse({ items: [{ id: "made_up" }] }).success).toBe(false);
  });

  it("lets clients record their own tools but never see or change the precautions", async () => {
    const client = await actorFor(t.db, "client@demo.test");
    const casey = await clientIdByName(t.db, "Casey", "Client");
    const mine = await setTools(t.db, client, casey, setToolsBody.parse({ tools: ["foam_roller", "massage_ball"] }));
    expect(mine).toEqual({ precautions: [], tools: ["foam_roller", "massage_ball"] });
    await expect(setPrecautions(t.db, client, casey, { items: [] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const priya = await clientIdByName(t.db, "Priya", "Shah");
    await expect(getClientSafety(t.db, client, priya)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = await actorFor(t.db, "therapist@other.test", "other-clinic");
    await expect(getClientSafety(t.db, other, casey)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
