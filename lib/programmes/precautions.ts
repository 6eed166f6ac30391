import { z } from "zod";
import { defaultTechnique, type Technique } from "./dosage";
import { bodyArea, exerciseAreas, SAFETY, type BodyArea, type SmrExercise, type StandardCautionId } from "./reference";

/*
 * The client precautions screen and the exercise screen.
 *
 * The reference gives the conditions as two free-text lists (safety.contraindications_local_or_absolute
 * and safety.precautions_modify_or_clear_first) and each exercise's cautions as sentences written for
 * clients. The link is built here in three layers:
 *  1. Structural rules per precaution, from the reference's own advice, keyed on what the data does
 *     state reliably: the tool, the target muscles, their body areas (muscles[].region) and the
 *     technique. These carry the decision and do not depend on wording.
 *  2. Standard cautions by id (reference v2 safety.standard_cautions, listed per exercise): the
 *     sentence shows as the reason. Cautions tied to a body site (varicose veins, possible clot) count
 *     only where the client's recorded site and the exercise's area meet.
 *  3. Keyword links for the remaining, exercise-specific sentences (and a clinic's own exercises),
 *     which have no ids: explicit "Avoid with X" sentences escalate to a block. This layer is fragile
 *     (a reworded sentence drops its link); precautions.test.ts fails when one names a condition no
 *     link recognises.
 */

export const PRECAUTION_KINDS = ["absolute", "local", "relative"] as const;
export type PrecautionKind = (typeof PRECAUTION_KINDS)[number];

function referenceText(list: readonly string[], pattern: RegExp): string {
  const hit = list.find((t) => pattern.test(t));
  if (!hit) throw new Error(`Reference safety list has no entry matching ${pattern}`);
  return hit;
}
const CONTRA = SAFETY.contraindications_local_or_absolute;
const MODIFY = SAFETY.precautions_modify_or_clear_first;

const def = <const Id extends string>(
  id: Id,
  label: string,
  kind: PrecautionKind,
  list: readonly string[],
  pattern: RegExp,
  sited: boolean,
) => ({ id, label, kind, reference: referenceText(list, pattern), sited }) as const;

/**
 * The screen, in the order it is asked. `kind`: absolute = no SMR at all; local = not over the
 * affected area; relative = modify or get clearance first. `sited` = the screen should ask where
 * (areas), because the advice only applies near that place.
 */
export const PRECAUTIONS = [
  def("dvt", "Known or suspected blood clot in a leg (DVT)", "absolute", CONTRA, /deep vein thrombosis/i, false),
  def("open_wound", "Open wound, skin infection or rash", "local", CONTRA, /open wounds/i, true),
  def("fracture", "Broken bone, suspected or recent", "local", CONTRA, /fracture/i, true),
  def("acute_injury", "New injury with swelling or heat", "local", CONTRA, /acute injury/i, true),
  def("tumour", "Tumour or active cancer", "local", CONTRA, /tumours/i, true),
  def("osteomyelitis", "Bone infection (osteomyelitis)", "local", CONTRA, /osteomyelitis/i, true),
  def(
    "myositis_ossificans",
    "Bone forming inside a muscle (myositis ossificans)",
    "local",
    CONTRA,
    /myositis ossificans/i,
    true,
  ),
  def("anticoagulants", "Blood thinners or a bleeding disorder", "relative", MODIFY, /anticoagulant/i, false),
  def("osteoporosis", "Osteoporosis or fragile bones", "relative", MODIFY, /osteoporosis/i, false),
  def("varicose_veins", "Varicose veins", "relative", MODIFY, /varicose/i, true),
  def("pregnancy", "Pregnancy", "relative", MODIFY, /pregnancy/i, false),
  def(
    "neuropathy",
    "Diabetes or reduced feeling in hands or feet (neuropathy)",
    "relative",
    MODIFY,
    /neuropathy/i,
    false,
  ),
  def("recent_surgery", "Recent surgery, an implant or a hernia", "relative", MODIFY, /recent surgery/i, true),
  def("fibromyalgia", "Fibromyalgia or widespread pain", "relative", MODIFY, /fibromyalgia/i, false),
  def(
    "cardiovascular",
    "Heart disease or uncontrolled high blood pressure",
    "relative",
    MODIFY,
    /heart disease/i,
    false,
  ),
] as const;

export type PrecautionId = (typeof PRECAUTIONS)[number]["id"];
const PRECAUTION_IDS = PRECAUTIONS.map((p) => p.id) as [PrecautionId, ...PrecautionId[]];
const LABELS = Object.fromEntries(PRECAUTIONS.map((p) => [p.id, p.label])) as Record<PrecautionId, string>;

export const clientPrecautionSchema = z.object({
  id: z.enum(PRECAUTION_IDS, { error: "Unknown precaution." }),
  /** Where it is, for sited precautions; absent means "not recorded", which is screened cautiously. */
  areas: z.array(bodyArea).optional(),
});
export type ClientPrecaution = z.infer<typeof clientPrecautionSchema>;

export type Verdict = "ok" | "flag" | "block";
export interface ScreenReason {
  precaution: PrecautionId;
  label: string;
  verdict: Exclude<Verdict, "ok">;
  text: string;
}
export interface ScreenResult {
  verdict: Verdict;
  reasons: ScreenReason[];
}

interface Facts {
  exercise: SmrExercise;
  areas: Set<BodyArea>;
  muscles: Set<string>;
  technique: Technique;
}
type Finding = [Exclude<Verdict, "ok">, string];
type Rule = (f: Facts, sites: BodyArea[] | undefined) => Finding[];

const SPINE_MUSCLES = ["thoracic_paraspinals", "lumbar_paraspinals"];
const CALF_INNER_LEG = ["gastrocnemius", "soleus", "adductors"];
const hasAny = (set: Set<string>, items: readonly string[]) => items.some((i) => set.has(i));

/** Local contraindications: block over the recorded area; if the area is unknown, flag everything. */
const notOverArea =
  (what: string): Rule =>
  (f, sites) => {
    if (!sites || sites.length === 0)
      return [["flag", `${what}: record where it is and keep this exercise well away from it.`]];
    return hasAny(f.areas, sites) ? [["block", `${what} in this area: do not work over it.`]] : [];
  };

/** Layer 1. Each rule restates the reference's advice for that condition (domain README §8). */
const RULES: Record<PrecautionId, Rule> = {
  dvt: () => [["block", "Known or suspected DVT: no self-massage until medically cleared; refer urgently."]],
  open_wound: notOverArea("Open wound, skin infection or rash"),
  fracture: notOverArea("Suspected or recent fracture"),
  acute_injury: notOverArea("Acute injury with swelling or heat"),
  tumour: notOverArea("Tumour or active cancer site"),
  osteomyelitis: notOverArea("Bone infection"),
  myositis_ossificans: notOverArea("Myositis ossificans"),
  anticoagulants: (f) => [
    ["flag", "Blood thinners or bleeding disorder: light pressure only, with clinician clearance (bruising risk)."],
    // The reference asks for light pressure only; a percussive device cannot reliably deliver that,
    // and device makers list blood thinners among their own warnings. Conservative choice: block.
    ...(f.exercise.tool === "percussive_gun"
      ? [["block", "No massage gun with blood thinners or a bleeding disorder."] as Finding]
      : []),
  ],
  osteoporosis: (f) => [
    ["flag", "Osteoporosis: lighter pressure, and use a wall rather than the floor."],
    ...(hasAny(f.muscles, SPINE_MUSCLES)
      ? [["block", "Osteoporosis: no rolling or pressure over the spine."] as Finding]
      : []),
  ],
  varicose_veins: (f, sites) => {
    const legs: BodyArea[] = sites?.length ? sites : ["thigh", "lower_leg"];
    return hasAny(f.areas, legs) ? [["flag", "Varicose veins: never work directly over them."]] : [];
  },
  pregnancy: (f) => {
    const out: Finding[] = [["flag", "Pregnancy: get clearance first; no pressure on the abdomen."]];
    if (hasAny(f.muscles, CALF_INNER_LEG)) {
      // Clot risk is raised in pregnancy; the reference singles out deep prolonged pressure here.
      out.push(
        f.technique === "sustained_pressure"
          ? ["block", "Pregnancy: no deep sustained pressure on the calves or inner legs (clot risk)."]
          : ["flag", "Pregnancy: keep calf and inner-leg work light and brief (clot risk)."],
      );
    }
    // Library exercises say which positions need care by standard caution id (layer 2); a clinic's
    // own exercise has no ids, so its instructions are read for the two positions instead.
    if (f.exercise.standard_cautions.length === 0) {
      if (/lie on your back/i.test(f.exercise.instructions))
        out.push(["flag", "Later pregnancy: avoid lying flat on your back."]);
      if (/face down/i.test(f.exercise.instructions))
        out.push(["flag", "Pregnancy: face-down positions press on the abdomen."]);
    }
    return out;
  },
  neuropathy: () => [
    ["flag", "Reduced feeling gives poor feedback: light pressure only, and check the skin afterwards."],
  ],
  recent_surgery: notOverArea("Recent surgery, implant or hernia"),
  fibromyalgia: () => [["flag", "Widespread pain: start very light with short times."]],
  cardiovascular: (f) => {
    if (f.areas.has("neck")) return [["block", "Heart disease or high blood pressure: no neck work."]];
    if (f.areas.has("neck_shoulder"))
      return [["flag", "Heart disease or high blood pressure: stay clear of the neck."]];
    return [];
  },
};

/**
 * Layer 2: standard caution ids → precautions. `site`: the caution concerns a place on the body (the
 * legs), so with the client's site recorded it counts only when that site is among the exercise's areas.
 * `light_pressure` concerns the area worked, not a condition, so it links to nothing.
 */
export const STANDARD_CAUTION_LINKS: Readonly<
  Record<StandardCautionId, { precaution: PrecautionId; verdict: Exclude<Verdict, "ok">; site?: true } | null>
> = {
  clot: { precaution: "dvt", verdict: "block", site: true },
  varicose: { precaution: "varicose_veins", verdict: "flag", site: true },
  bruising: { precaution: "anticoagulants", verdict: "flag" },
  bruising_gun: { precaution: "anticoagulants", verdict: "flag" },
  pregnancy_calf_inner_thigh: { precaution: "pregnancy", verdict: "flag" },
  pregnancy_lying_on_back: { precaution: "pregnancy", verdict: "flag" },
  pregnancy_face_down: { precaution: "pregnancy", verdict: "flag" },
  pregnancy_low_back_ball: { precaution: "pregnancy", verdict: "flag" },
  // "Avoid during pregnancy." (massage gun on the low back): the reference says avoid, so block.
  pregnancy_low_back_gun: { precaution: "pregnancy", verdict: "block" },
  light_pressure: null,
};

/**
 * Layer 3: the remaining caution sentences → precautions. The sentence itself becomes the reason. Only sentences
 * that say to avoid the exercise outright escalate to a block; the rest flag.
 */
export const CAUTION_LINKS: readonly {
  pattern: RegExp;
  precaution: PrecautionId;
  verdict: Exclude<Verdict, "ok">;
  site?: true;
}[] = [
  { pattern: /blood thinners|bruise easily/i, precaution: "anticoagulants", verdict: "flag" },
  { pattern: /^avoid with osteoporosis/i, precaution: "osteoporosis", verdict: "block" },
  { pattern: /osteoporosis/i, precaution: "osteoporosis", verdict: "flag" },
  { pattern: /^avoid during pregnancy\.?$/i, precaution: "pregnancy", verdict: "block" },
  { pattern: /pregnan/i, precaution: "pregnancy", verdict: "flag" },
  { pattern: /varicose/i, precaution: "varicose_veins", verdict: "flag", site: true },
  { pattern: /possible clot/i, precaution: "dvt", verdict: "block", site: true },
  { pattern: /diabetes|reduced .*sensation/i, precaution: "neuropathy", verdict: "flag" },
  { pattern: /wounds?\b/i, precaution: "open_wound", verdict: "flag" },
  { pattern: /carotid disease|stroke/i, precaution: "cardiovascular", verdict: "block" },
  { pattern: /fracture|dislocation/i, precaution: "fracture", verdict: "flag" },
  { pattern: /surgery/i, precaution: "recent_surgery", verdict: "flag" },
];

const RANK = { ok: 0, flag: 1, block: 2 } as const;

/**
 * Screens one exercise against a client's precautions. Pass the prescribed technique when it
 * differs from the library default (e.g. a static hold on a foam roller), since some rules depend on it.
 */
export function screenExercise(
  exercise: SmrExercise,
  clientPrecautions: readonly ClientPrecaution[],
  options: { technique?: Technique } = {},
): ScreenResult {
  const facts: Facts = {
    exercise,
    areas: exerciseAreas(exercise),
    muscles: new Set(exercise.target_muscles),
    technique: options.technique ?? defaultTechnique(exercise),
  };
  const found = new Map<string, ScreenReason>();
  const add = (precaution: PrecautionId, verdict: ScreenReason["verdict"], text: string) => {
    const key = `${precaution}\u0000${text}`;
    const prev = found.get(key);
    if (!prev || RANK[verdict] > RANK[prev.verdict])
      found.set(key, { precaution, label: LABELS[precaution], verdict, text });
  };
  const standardTexts = new Set<string>();
  const standard: { text: string; link: NonNullable<(typeof STANDARD_CAUTION_LINKS)[StandardCautionId]> }[] = [];
  for (const id of exercise.standard_cautions) {
    const caution = SAFETY.standard_cautions[id];
    if (!caution) continue;
    standardTexts.add(caution.text);
    const link = STANDARD_CAUTION_LINKS[id as StandardCautionId];
    if (link) standard.push({ text: caution.text, link });
  }
  // Standard sentences are linked by id above, never by their wording.
  const ownCautions = exercise.cautions.filter((c) => !standardTexts.has(c));
  for (const cp of clientPrecautions) {
    for (const [verdict, text] of RULES[cp.id](facts, cp.areas)) add(cp.id, verdict, text);
    for (const { text, link } of standard) {
      if (link.precaution !== cp.id) continue;
      if (link.site && cp.areas?.length && !hasAny(facts.areas, cp.areas)) continue;
      add(cp.id, link.verdict, text);
    }
    for (const caution of ownCautions) {
      for (const link of CAUTION_LINKS) {
        if (link.precaution !== cp.id || !link.pattern.test(caution)) continue;
        if (link.site && cp.areas?.length && !hasAny(facts.areas, cp.areas)) continue;
        add(cp.id, link.verdict, caution);
      }
    }
  }
  const reasons = [...found.values()].sort((a, b) => RANK[b.verdict] - RANK[a.verdict]);
  const verdict: Verdict = reasons.some((r) => r.verdict === "block") ? "block" : reasons.length ? "flag" : "ok";
  return { verdict, reasons };
}

/**
 * Reference lists shown beside the screen, not screened automatically: red flags mean refer before
 * prescribing (the builder); avoid sites are where no one presses (the builder and the portal).
 */
export const RED_FLAGS: readonly string[] = SAFETY.red_flags_refer;
export const AVOID_SITES: readonly string[] = SAFETY.avoid_sites;
