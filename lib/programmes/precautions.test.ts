import { describe, expect, it } from "vitest";
import {
  CAUTION_LINKS,
  STANDARD_CAUTION_LINKS,
  clientPrecautionSchema,
  PRECAUTIONS,
  screenExercise,
  type ClientPrecaution,
} from "./precautions";
import { exerciseAreas, findExercise, SAFETY, SMR_LIBRARY, type SmrExercise } from "./reference";

const ex = (id: string): SmrExercise => {
  const e = findExercise(id);
  if (!e) throw new Error(`missing ${id}`);
  return e;
};
const screen = (id: string, ...precautions: ClientPrecaution[]) => screenExercise(ex(id), precautions);
const only = (id: ClientPrecaution["id"], areas?: ClientPrecaution["areas"]): ClientPrecaution => ({ id, areas });

describe("the screen is derived from the reference", () => {
  it("covers every entry of both safety lists", () => {
    const referenced = new Set<string>(PRECAUTIONS.map((p) => p.reference));
    for (const text of [...SAFETY.contraindications_local_or_absolute, ...SAFETY.precautions_modify_or_clear_first]) {
      expect(referenced.has(text), text).toBe(true);
    }
  });

  it("has unique ids, plain labels and a kind for each precaution", () => {
    expect(new Set(PRECAUTIONS.map((p) => p.id)).size).toBe(PRECAUTIONS.length);
    expect(PRECAUTIONS.find((p) => p.id === "dvt")?.kind).toBe("absolute");
    expect(PRECAUTIONS.find((p) => p.id === "open_wound")?.kind).toBe("local");
    expect(PRECAUTIONS.find((p) => p.id === "pregnancy")?.kind).toBe("relative");
  });

  it("resolves every library target muscle to a body area", () => {
    for (const e of SMR_LIBRARY) expect(exerciseAreas(e).size, e.id).toBeGreaterThan(0);
  });

  // Guards the fragile text layer: an exercise-specific caution (one without a standard id) that names
  // a condition must be recognised by a link.
  it("links every non-standard caution that names a condition to a precaution", () => {
    const condition =
      /blood thinner|bruise|osteoporosis|pregnan|varicose|clot|diabetes|sensation|wound|carotid disease|stroke|fracture|dislocation|surgery|heart|blood pressure|cancer|tumour/i;
    const standardTexts = new Set(Object.values(SAFETY.standard_cautions).map((c) => c.text));
    for (const e of SMR_LIBRARY) {
      for (const c of e.cautions.filter((t) => condition.test(t) && !standardTexts.has(t))) {
        expect(
          CAUTION_LINKS.some((l) => l.pattern.test(c)),
          `${e.id}: ${c}`,
        ).toBe(true);
      }
    }
  });

  it("links every standard caution id, and each library exercise lists its standard sentences", () => {
    expect(Object.keys(STANDARD_CAUTION_LINKS).sort()).toEqual(Object.keys(SAFETY.standard_cautions).sort());
    for (const e of SMR_LIBRARY) {
      for (const id of e.standard_cautions)
        expect(e.cautions, `${e.id} ${id}`).toContain(SAFETY.standard_cautions[id]?.text);
    }
    // Reference v2: the bruising sentence is on all 47 exercises (the gun version on the 7 gun ones).
    expect(SMR_LIBRARY.filter((e) => e.standard_cautions.some((id) => id.startsWith("bruising")))).toHaveLength(47);
  });

  it("rejects unknown precaution ids and areas", () => {
    expect(clientPrecautionSchema.safeParse({ id: "gout" }).success).toBe(false);
    expect(clientPrecautionSchema.safeParse({ id: "open_wound", areas: ["elbow"] }).success).toBe(false);
  });
});

describe("screenExercise", () => {
  it("is ok with no precautions", () => {
    expect(screen("gun_quads")).toEqual({ verdict: "ok", reasons: [] });
  });

  it("blocks a massage gun for a client on blood thinners, and flags other tools with the exercise's wording", () => {
    const gun = screen("gun_calves", only("anticoagulants"));
    expect(gun.verdict).toBe("block");
    expect(gun.reasons[0]?.text).toMatch(/No massage gun/);
    const roll = screen("roll_quads", only("anticoagulants"));
    expect(roll.verdict).toBe("flag");
    expect(roll.reasons.map((r) => r.text)).toContain(
      "If you bruise easily or take blood thinners, use light pressure only (no more than 3 out of 10 discomfort) and check with your clinician first.",
    );
  });

  it("links standard cautions by id, not by their wording", () => {
    const reworded = { ...ex("roll_quads"), cautions: ["Reworded by someone."] };
    expect(screenExercise(reworded, [only("anticoagulants")]).reasons.map((r) => r.text)).toContain(
      SAFETY.standard_cautions.bruising?.text,
    );
    // The same sentence on an exercise without ids (a clinic's own) still reads through the text layer.
    const clinicOwn = {
      ...ex("roll_quads"),
      id: "clinic:x",
      standard_cautions: [],
      cautions: ["Watch varicose veins."],
    };
    expect(screenExercise(clinicOwn, [only("varicose_veins")]).reasons.map((r) => r.text)).toContain(
      "Watch varicose veins.",
    );
  });

  it("blocks spine work with osteoporosis, flags rib work", () => {
    expect(screen("roll_thoracic", only("osteoporosis")).verdict).toBe("block");
    expect(screen("ball_peanut_thoracic", only("osteoporosis")).verdict).toBe("block");
    expect(screen("gun_lumbar_glute_border", only("osteoporosis")).verdict).toBe("block");
    const lats = screen("roll_lats", only("osteoporosis"));
    expect(lats.verdict).toBe("flag");
    expect(lats.reasons.map((r) => r.text)).toContain("Avoid direct rib pressure with osteoporosis or rib injury.");
  });

  it("in pregnancy blocks deep sustained calf pressure and exercises the library says to avoid", () => {
    expect(screen("ball_calf_floor", only("pregnancy")).verdict).toBe("block");
    expect(screen("gun_lumbar_glute_border", only("pregnancy")).verdict).toBe("block");
    // "Avoid during pregnancy unless cleared" is a clearance question, not a ban.
    expect(screen("ball_ql_wall", only("pregnancy")).verdict).toBe("flag");
    expect(screen("roll_calves", only("pregnancy")).reasons.map((r) => r.text)).toContain(
      "Pregnancy: keep calf and inner-leg work light and brief (clot risk).",
    );
    expect(screen("roll_thoracic", only("pregnancy")).reasons.map((r) => r.text)).toContain(
      SAFETY.standard_cautions.pregnancy_lying_on_back?.text,
    );
    expect(screen("roll_tfl", only("pregnancy")).reasons.map((r) => r.text)).toContain(
      "If you are pregnant, do not do this lying face down.",
    );
  });

  it("a static hold on a foam roller is screened as sustained pressure when the technique is passed", () => {
    const r = screenExercise(ex("roll_calves"), [only("pregnancy")], { technique: "sustained_pressure" });
    expect(r.verdict).toBe("block");
  });

  it("blocks every exercise for a known or suspected DVT", () => {
    for (const e of SMR_LIBRARY) expect(screenExercise(e, [only("dvt")]).verdict, e.id).toBe("block");
  });

  it("blocks a local contraindication over its recorded area only, and flags when the area is unknown", () => {
    expect(screen("roll_calves", only("open_wound", ["lower_leg"])).verdict).toBe("block");
    expect(screen("ball_pec_wall", only("open_wound", ["lower_leg"])).verdict).toBe("ok");
    const unknown = screen("ball_pec_wall", only("fracture"));
    expect(unknown.verdict).toBe("flag");
    expect(unknown.reasons[0]?.text).toMatch(/record where it is/);
  });

  it("flags varicose veins on the legs only, and only where the recorded site and the exercise meet", () => {
    expect(screen("stick_calves", only("varicose_veins")).verdict).toBe("flag");
    expect(screen("ball_upper_trap_wall", only("varicose_veins")).verdict).toBe("ok");
    // Thigh exercise, veins recorded on the lower leg: the v2 thigh sentence must not flag it.
    expect(screen("roll_quads", only("varicose_veins", ["lower_leg"])).verdict).toBe("ok");
    const calves = screen("stick_calves", only("varicose_veins", ["lower_leg"]));
    expect(calves.verdict).toBe("flag");
    expect(calves.reasons.map((r) => r.text)).toContain("Do not work directly over varicose veins.");
    expect(screen("roll_quads", only("varicose_veins", ["thigh"])).reasons.map((r) => r.text)).toContain(
      "Do not work directly over varicose veins.",
    );
  });

  it("blocks neck work with heart disease, including the SCM pincer's carotid caution", () => {
    const scm = screen("hands_scm_pincer", only("cardiovascular"));
    expect(scm.verdict).toBe("block");
    expect(scm.reasons.map((r) => r.text)).toContain(
      "Not suitable for people with carotid disease or a history of stroke/fainting.",
    );
    expect(screen("ball_upper_trap_wall", only("cardiovascular")).verdict).toBe("flag");
    expect(screen("roll_quads", only("cardiovascular")).verdict).toBe("ok");
  });

  it("flags neuropathy everywhere and quotes the foot caution on the plantar roll", () => {
    const foot = screen("ball_plantar_roll", only("neuropathy"));
    expect(foot.verdict).toBe("flag");
    expect(foot.reasons).toHaveLength(2);
  });

  it("combines precautions, blocks first, without duplicate reasons", () => {
    const r = screen("gun_calves", only("anticoagulants"), only("varicose_veins"), only("fibromyalgia"));
    expect(r.verdict).toBe("block");
    expect(r.reasons[0]?.verdict).toBe("block");
    const keys = r.reasons.map((x) => `${x.precaution}|${x.text}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(r.reasons.map((x) => x.precaution))).toEqual(
      new Set(["anticoagulants", "varicose_veins", "fibromyalgia"]),
    );
  });
});
