import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/identity/actor";
import { actorFor, freshDb, type TestDb } from "@/lib/testing/db";
import { roleHandles } from "@/lib/testing/role-handles";
import { installRecorder, record } from "@/scripts/bench/query-recorder";
import { asOneRender } from "@/scripts/bench/one-render";
import { assignQuestionnaire } from "@/lib/outcomes/questionnaires/assignments/assign-questionnaire";
import { loadPortalHome } from "./home";

// A file of its own (home.test.ts proves the content): this one swaps in React's server build, as the page
// renders with it, whose cache() remembers per request (asOneRender gives the call one request's cache), so the
// memoised reads (the client record, the clinic's row, the complaints) count once, as in the growth bench.
vi.mock("react", async () => import(path.resolve(__dirname, "../../node_modules/react/react.react-server.js")));

/**
 * The most statements one portal home may send, BEGIN (with the clinic setting) and COMMIT included: 24 before
 * the merges of issue 16 (completions, appointments, clinic row, booking options, programmes, progress), 16 after,
 * 14 once the muscles' names came from the shipped reference and progress read the first MCID date with the rest.
 * Raise it only for a new card, never for a card's read split back into several.
 */
const CEILING = 14;

let t: TestDb;
let casey: Actor;

beforeAll(async () => {
  t = await freshDb();
  casey = await actorFor(t.db, "client@demo.test");
  // Three due questionnaires: each costs the page no read of its own (the clinic's wording comes with the
  // assignment, its scoring choices with the clinic's row), so the count does not grow with them.
  const therapist = await actorFor(t.db, "therapist@demo.test");
  for (const instrumentId of ["psfs", "ndi", "odi"] as const)
    await assignQuestionnaire(t.db, therapist, casey.clientId!, { instrumentId });
});
afterAll(() => t.close());

describe("the portal home's statements", () => {
  it(`sends at most ${CEILING} statements on the clinic handle as the application role (PostgreSQL)`, async () => {
    const handles = roleHandles(t);
    if (!handles) return; // the recorder counts node-postgres statements only
    installRecorder();
    try {
      const db = await handles.clinicDb(casey.clinicId);
      let home: Awaited<ReturnType<typeof loadPortalHome>> | undefined;
      const statements = await record(() => asOneRender(async () => void (home = await loadPortalHome(db, casey))));
      // Every card was read (a failed read leaves its card undefined and would send fewer statements).
      expect(Object.entries(home!).filter(([, v]) => v === undefined)).toEqual([]);
      expect(home!.due?.map((a) => a.instrument.id).sort()).toEqual(["ndi", "odi", "psfs"]);
      console.log(`portal home: ${statements.length} statements`);
      if (statements.length > CEILING) console.log(statements.map((s) => s.text.slice(0, 160)).join("\n"));
      expect(statements.length).toBeLessThanOrEqual(CEILING);
    } finally {
      await handles.close();
    }
  });
});
