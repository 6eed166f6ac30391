import { and, eq } from "drizzle-orm";
import { programmes } from "@/db/schema";
import { recordCompletion } from "@/lib/programmes/record-completion";
import { completionBody } from "@/lib/programmes/portal-schemas";
import { createProgramme } from "@/lib/programmes/programmes/create-programme";
import { createProgrammeBody } from "@/lib/programmes/schemas";
import type { FixtureModule } from "./authz-fixture-module";
import { actorFor, clientIdByName } from "./db";

const ITEM = {
  exerciseKey: "ball_upper_trap_wall",
  dosage: {
    tool: "massage_ball",
    technique: "sustained_pressure",
    intensity: 4,
    secondsPerSpot: 60,
    spots: 2,
    sets: 2,
    restSeconds: 30,
    sessionsPerDay: 1,
    daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
  },
} as const;

/**
 * Fixtures for the programmes routes' authorization walk: a programme of the portal client
 * (Casey) running from today, one of its items, and an adverse tick-off awaiting review.
 */
export const programmesFixtures: FixtureModule = {
  buildParams: async (db) => {
    const therapist = await actorFor(db, "therapist@demo.test");
    const casey = await clientIdByName(db, "Casey", "Client");
    const programme = await createProgramme(
      db,
      therapist,
      casey,
      createProgrammeBody.parse({ title: "Fixture programme", items: [ITEM] }),
    );
    const itemId = programme.versions[0]!.items[0]!.id;
    const client = await actorFor(db, "client@demo.test");
    const completion = await recordCompletion(db, client, completionBody.parse({ itemId, adverse: true }));
    return { programmeId: programme.id, completionId: completion.id, caseyProgrammeItemId: itemId };
  },
  dynamicBodies: {
    // The version as it is now, so an allowed revise or end is not refused as stale.
    reviseProgramme: {
      make: async (w) => ({
        version: await currentVersion(w.db, w.params.programmeId!),
        changeNote: "Fixture revision",
        items: [ITEM],
      }),
    },
    endProgramme: { make: async (w) => ({ version: await currentVersion(w.db, w.params.programmeId!) }) },
    // Casey's own item: any other client (or clinic) gets 404 for it.
    addProgrammeCompletion: {
      refersToDemo: true,
      make: async (w) => ({ itemId: w.params.caseyProgrammeItemId, painBefore: 5, painAfter: 3, adverse: false }),
    },
  },
};

async function currentVersion(
  db: Parameters<NonNullable<FixtureModule["buildParams"]>>[0],
  programmeId: string,
): Promise<number> {
  const [row] = await db
    .select({ v: programmes.currentVersion })
    .from(programmes)
    .where(and(eq(programmes.id, programmeId)));
  return row?.v ?? 1;
}
