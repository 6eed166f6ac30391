import { describe, expect, it } from "vitest";
import { withThreshold } from "./outcome-settings";
import { needsAttention, type AttentionInput } from "./attention";
import { NPRS } from "./instruments";
import { NPRS_MESSAGE } from "./nprs";

const AS_OF = "2025-03-10";

type Complaint = AttentionInput["complaints"][number];

function complaint(patch: Partial<Complaint>): Complaint {
  return { id: "c1", label: "Neck pain", visitCount: 1, visits: [], selfReports: [], ...patch };
}

function client(complaints: Complaint[], selfReports: AttentionInput["selfReports"] = []): AttentionInput {
  return { clientId: "k1", clientName: "Ada Lovelace", complaints, selfReports };
}

const visit = (date: string, before: number | null, after: number | null = null) => ({ date, before, after });
const diary = (date: string, score: number) => ({ date, score, source: "diary" as const });

function reasons(input: AttentionInput, options: Partial<Parameters<typeof needsAttention>[1]> = {}) {
  return needsAttention([input], { asOf: AS_OF, ...options })[0]?.reasons ?? [];
}

describe("worse than baseline by 2 or more", () => {
  it("5 → 7 at the latest visit", () => {
    const found = reasons(
      client([complaint({ visitCount: 2, visits: [visit("2025-02-01", 5), visit("2025-03-01", 7)] })]),
    );
    expect(found).toEqual([
      {
        rule: "worse_than_baseline",
        complaintId: "c1",
        date: "2025-03-01",
        reason: "Neck pain is 2 points worse than at baseline (5 → 7).",
      },
    ]);
  });

  it("1 point worse is not enough", () => {
    expect(
      reasons(client([complaint({ visitCount: 2, visits: [visit("2025-02-01", 5), visit("2025-03-01", 6)] })])),
    ).toEqual([]);
  });

  it("a later diary score counts as the latest reading; baseline stays the first visit", () => {
    const found = reasons(
      client([complaint({ visits: [visit("2025-01-01", 4)], selfReports: [diary("2025-01-20", 6)] })]),
    );
    expect(found.map((r) => r.reason)).toEqual(["Neck pain is 2 points worse than at baseline (4 → 6)."]);
  });

  it("ignores readings after asOf and visits without a pre-treatment score", () => {
    const c = complaint({ visits: [visit("2025-01-01", null), visit("2025-01-08", 4), visit("2025-03-20", 9)] });
    expect(reasons(client([c]))).toEqual([]);
  });
});

describe("no meaningful improvement after 4 visits", () => {
  const visits = [visit("2025-01-06", 6), visit("2025-01-13", 6), visit("2025-01-20", 5), visit("2025-01-27", 5)];

  it("6 → 5 after 4 visits is listed with the rule it missed", () => {
    expect(reasons(client([complaint({ visitCount: 4, visits })]))).toEqual([
      {
        rule: "no_meaningful_improvement",
        complaintId: "c1",
        date: "2025-01-27",
        reason:
          "Neck pain has not improved meaningfully after 4 visits (6 → 5: \u22121 point < 2 (30% of baseline 6 = 1.8; MDC 2)).",
      },
    ]);
  });

  it("not before the 4th visit", () => {
    expect(reasons(client([complaint({ visitCount: 3, visits })]))).toEqual([]);
  });

  it("a fall of at least max(MDC 2, 30% of baseline) is meaningful; 3 → 2 (33%, inside the MDC) is not", () => {
    expect(reasons(client([complaint({ visitCount: 4, visits: [...visits, visit("2025-02-03", 4)] })]))).toEqual([]);
    expect(
      reasons(client([complaint({ visitCount: 4, visits: [visit("2025-01-06", 3), visit("2025-02-03", 1)] })])),
    ).toEqual([]);
    expect(
      reasons(client([complaint({ visitCount: 4, visits: [visit("2025-01-06", 3), visit("2025-02-03", 2)] })])).map(
        (r) => r.rule,
      ),
    ).toEqual(["no_meaningful_improvement"]);
  });

  it("is not repeated when the complaint is already listed as worse", () => {
    const found = reasons(
      client([complaint({ visitCount: 5, visits: [visit("2025-01-06", 4), visit("2025-02-03", 6)] })]),
    );
    expect(found.map((r) => r.rule)).toEqual(["worse_than_baseline"]);
  });

  it("uses a clinic-configured NPRS MCID when given", () => {
    const strict = withThreshold(NPRS, { points: 4, source: "clinic" });
    const c = complaint({ visitCount: 4, visits: [visit("2025-01-06", 8), visit("2025-02-03", 5)] });
    expect(reasons(client([c]))).toEqual([]);
    expect(reasons(client([c]), { nprs: strict }).map((r) => r.rule)).toEqual(["no_meaningful_improvement"]);
  });
});

describe("diary or check-in score of 7 or more", () => {
  it("lists the latest high score in the last 7 days", () => {
    const c = complaint({
      visits: [visit("2025-03-01", 7)],
      selfReports: [diary("2025-03-05", 7), diary("2025-03-07", 8)],
    });
    expect(reasons(client([c]))).toEqual([
      {
        rule: "high_self_report",
        complaintId: "c1",
        date: "2025-03-07",
        reason: "Neck pain scored 8/10 in the diary on 7 Mar 2025.",
      },
    ]);
  });

  it("6 is below the line", () => {
    expect(
      reasons(client([complaint({ visits: [visit("2025-03-01", 6)], selfReports: [diary("2025-03-07", 6)] })])),
    ).toEqual([]);
  });

  it("counts a score exactly 7 days old but not 8", () => {
    expect(reasons(client([], [diary("2025-03-03", 7)])).map((r) => r.rule)).toEqual(["high_self_report"]);
    expect(reasons(client([], [diary("2025-03-02", 7)]))).toEqual([]);
  });

  it("check-ins not tied to a complaint are listed for the client", () => {
    const found = reasons(client([], [{ date: "2025-03-09", score: 9, source: "check_in" }]));
    expect(found).toEqual([
      {
        rule: "high_self_report",
        complaintId: null,
        date: "2025-03-09",
        reason: "Pain scored 9/10 in a check-in on 9 Mar 2025.",
      },
    ]);
  });
});

describe("flare: a rise of 3 or more within 7 days", () => {
  it("2 → 5 four days apart", () => {
    const c = complaint({
      visits: [visit("2025-03-03", 4)],
      selfReports: [diary("2025-03-04", 2), diary("2025-03-08", 5)],
    });
    expect(reasons(client([c]))).toEqual([
      {
        rule: "flare",
        complaintId: "c1",
        date: "2025-03-08",
        reason: "Neck pain flared: up 3 points within a week (2 on 4 Mar 2025 → 5 on 8 Mar 2025).",
      },
    ]);
  });

  it("exactly 7 days apart counts, 8 does not", () => {
    const at = (from: string) => complaint({ visits: [visit(from, 3)], selfReports: [diary("2025-03-09", 6)] });
    expect(reasons(client([at("2025-03-02")])).map((r) => r.rule)).toEqual(["worse_than_baseline", "flare"]);
    expect(reasons(client([at("2025-03-01")])).map((r) => r.rule)).toEqual(["worse_than_baseline"]);
  });

  it("a rise of 2 is not a flare", () => {
    expect(reasons(client([], [diary("2025-03-05", 2), diary("2025-03-08", 4)]))).toEqual([]);
  });

  it("the dip straight after treatment is not a starting point", () => {
    const c = complaint({ visits: [visit("2025-03-05", 5, 1)], selfReports: [diary("2025-03-06", 5)] });
    expect(reasons(client([c]))).toEqual([]);
  });

  it("an old flare outside the recent window is not listed", () => {
    expect(reasons(client([], [diary("2025-02-01", 1), diary("2025-02-03", 5)]))).toEqual([]);
  });
});

describe("needsAttention", () => {
  it("omits clients with nothing to report and keeps every reason for the others", () => {
    const calm = { ...client([complaint({ visits: [visit("2025-03-01", 3)] })]), clientId: "k0", clientName: "Calm" };
    const busy = client([
      complaint({ visitCount: 1, visits: [visit("2025-03-01", 3)], selfReports: [diary("2025-03-08", 7)] }),
      complaint({
        id: "c2",
        label: "Low back pain",
        visitCount: 6,
        visits: [visit("2025-01-01", 6), visit("2025-03-01", 6)],
      }),
    ]);
    const entries = needsAttention([calm, busy], { asOf: AS_OF });
    expect(entries.map((e) => e.clientId)).toEqual(["k1"]);
    expect(entries[0]?.reasons.map((r) => [r.complaintId, r.rule])).toEqual([
      ["c1", "worse_than_baseline"],
      ["c1", "high_self_report"],
      ["c1", "flare"],
      ["c2", "no_meaningful_improvement"],
    ]);
  });

  it("refuses pain scores off the scale with the NPRS message", () => {
    expect(() => needsAttention([client([], [diary("2025-03-08", 11)])], { asOf: AS_OF })).toThrow(NPRS_MESSAGE);
  });

  it("refuses a non-ISO asOf", () => {
    expect(() => needsAttention([], { asOf: "10/03/2025" })).toThrow();
  });
});
