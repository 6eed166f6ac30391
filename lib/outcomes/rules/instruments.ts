import type { InstrumentDefinition, InstrumentItem } from "./instrument-schema";
import {
  base,
  changeMcid,
  define,
  licensedSections,
  numbered,
  proRating,
  ref,
  refNumber,
  refOptions,
} from "./instrument-builders";

/**
 * The shipped instrument definitions, built from the reference seed (domain-data.json,
 * `outcome_measures`). Names, ranges, directions, MCID text and numbers come from the
 * reference; anything the reference lacks is left null or marked, never filled in by us.
 * Bump an instrument's `version` whenever its definition changes: stored responses keep the
 * version they were scored with.
 */

// Section titles as listed in the reference notes (a test checks each one appears there).
export const NDI_SECTIONS = [
  "Pain intensity",
  "Personal care",
  "Lifting",
  "Reading",
  "Headaches",
  "Concentration",
  "Work",
  "Driving",
  "Sleeping",
  "Recreation",
] as const;
export const ODI_SECTIONS = [
  "Pain intensity",
  "Personal care",
  "Lifting",
  "Walking",
  "Sitting",
  "Standing",
  "Sleeping",
  "Sex life",
  "Social life",
  "Travelling",
] as const;

export const NPRS = define(base("nprs"), {
  // 2: meaningful change is max(MDC, 30% of baseline) (reference v2).
  version: 2,
  items: [
    {
      id: "pain",
      title: "Pain intensity",
      // Recall window (now / 24 h / 7 days) and which pain (current, worst…) are stored beside the answer.
      prompt: "Rate your pain from 0 (no pain) to 10 (worst imaginable pain).",
      promptSource: "instrument",
      answer: {
        kind: "scale",
        min: 0,
        max: 10,
        step: 1,
        anchors: [
          { value: 0, label: "No pain" },
          { value: 10, label: "Worst imaginable pain" },
        ],
      },
    },
  ],
  scoring: { type: "single" },
  // Reference bands: 1-3 mild, 4-6 moderate, 7-10 severe; 0 is the "no pain" anchor.
  bands: [
    { max: 0, label: "No pain" },
    { max: 3, label: "Mild" },
    { max: 6, label: "Moderate" },
    { max: 10, label: "Severe" },
  ],
  mcid: changeMcid("nprs"),
  licence: { status: "free", note: "Free to use." },
});

export const PSFS = define(base("psfs"), {
  // 2: MCID 1.3 with MDC 2 (reference v2; v1 called the MDC an MCID).
  version: 2,
  // The patient names 3-5 activities; their wording is stored once and re-rated each time.
  items: numbered("activity", "Activity", 5, (id, title) => ({
    id,
    title,
    prompt: null,
    promptSource: "patient",
    answer: {
      kind: "scale",
      min: 0,
      max: 10,
      step: 1,
      anchors: [
        { value: 0, label: "Unable to perform" },
        { value: 10, label: "Able to perform at pre-problem level" },
      ],
    },
  })),
  scoring: { type: "mean", minAnswered: 3 },
  bands: [],
  mcid: changeMcid("psfs"),
  licence: {
    status: "free",
    note: "Free to use. Original PSFS (0 = unable); PSFS 2.0 inverts the scale and must not be mixed with it.",
  },
});

const grocRef = ref("groc");
export const GROC = define(base("groc"), {
  // 2: all 15 answer labels from the reference (v1 named only four anchors).
  version: 2,
  items: [
    {
      id: "change",
      title: "Overall change",
      // Our plain wording around the reference's fixed reference point; needs clinician review.
      prompt: "Compared with when you started care here, how would you rate your condition now?",
      promptSource: "instrument",
      answer: {
        kind: "options",
        // Every point of the 15-point (−7 … +7) version is labelled, so each answer is a choice.
        options: refOptions(grocRef, "groc"),
      },
    },
  ],
  scoring: { type: "single" },
  bands: [],
  mcid: { basis: "rating", threshold: refNumber(grocRef.mcid.absolute, "groc mcid") },
  licence: { status: "free", note: grocRef.licence?.text ?? "Free to use." },
  versionNote:
    "15-point version: −7 “a very great deal worse” … 0 “about the same” … +7 “a very great deal better”. 11-point variants exist and are not interchangeable.",
});

const pgicRef = ref("pgic");
export const PGIC = define(base("pgic"), {
  // 2: all 7 CGI-style labels, and which version and direction (reference v2).
  version: 2,
  items: [
    {
      id: "impression",
      title: "Impression of change",
      prompt: "Since starting treatment, how would you describe the overall change in your condition?",
      promptSource: "instrument",
      answer: { kind: "options", options: refOptions(pgicRef, "pgic") },
    },
  ],
  scoring: { type: "single" },
  bands: [],
  // Reference: "Much improved" (2) or better is an important improvement; mcid.absolute is null there.
  mcid: { basis: "rating", threshold: 2 },
  licence: { status: "free", note: pgicRef.licence?.text ?? "Public domain (NINDS)." },
  // The Hurst & Bolton 2004 version runs the other way (7 = a great deal better): say which this is.
  versionNote:
    "CGI-style PGIC (Guy 1976; Farrar 2001; NINDS): 1 = very much improved … 4 = no change … 7 = very much worse. Lower is better.",
});

const earsRef = ref("ears");
/**
 * EARS (6-item adherence section). The reference verifies the structure, the instructions, the
 * coding direction (0 = completely agree … 4 = completely disagree; higher total = better) and
 * which statements are reverse-scored, but marks most statement wording and the three middle
 * answer labels unverified and the licence unknown. So no statement wording and no unverified
 * label ships: the clinic enters its licensed wording, as for NDI/ODI.
 */
export const EARS = define(base("ears"), {
  // 2: reference instructions, verified end labels and reverse scoring of positive statements.
  version: 2,
  items: earsItems(),
  scoring: { type: "sum" },
  bands: [],
  mcid: { basis: "none" },
  licence: {
    status: "unknown",
    note: "Licence unknown: no statement wording is shipped; the clinic enters the wording it has permission to use (Newman-Beinart et al. 2017).",
  },
  instructions: earsRef.instructions_text ?? null,
  versionNote:
    "Answers are coded 0 = completely agree … 4 = completely disagree; positively worded statements are reverse-scored, so the total runs 0–24 and higher = better adherence.",
});

function earsItems(): InstrumentItem[] {
  const options = earsRef.answer_options ?? [];
  const first = options[0]?.value;
  const last = options.at(-1)?.value;
  return (earsRef.items ?? []).map((item) => {
    const reversed = item.wording === "positive";
    if (reversed !== /^reversed/.test(item.scored))
      throw new Error(`EARS item ${item.number}: keying is inconsistent.`);
    return {
      id: `statement_${item.number}`,
      title: `Statement ${item.number}`,
      prompt: null,
      promptSource: "clinic" as const,
      answer: {
        kind: "options" as const,
        options: options.map((o) => ({
          value: o.value,
          // Only the end labels are verified (developers' abstract); the middle ones come from the clinic.
          label: o.value === first || o.value === last ? o.label : null,
          ...(reversed ? { score: 4 - o.value } : {}),
        })),
      },
    };
  });
}

export const NDI = define(base("ndi"), {
  // 2: at most 1 skipped section by default; meaningful change 10 points (reference v2).
  version: 2,
  items: licensedSections(NDI_SECTIONS),
  scoring: { type: "scaled_sum", scaleMax: 50, proRating: proRating("ndi") },
  // Developer bands on the raw 0-50 score: 0-4 none, 5-14 mild, 15-24 moderate, 25-34 severe, 35+ complete.
  bands: [
    { max: 4, label: "No disability" },
    { max: 14, label: "Mild" },
    { max: 24, label: "Moderate" },
    { max: 34, label: "Severe" },
    { max: 50, label: "Complete" },
  ],
  mcid: changeMcid("ndi"),
  licence: {
    status: "licensed",
    note: "Copyrighted (Vernon). The clinic supplies licensed item wording; section titles and scoring are shipped.",
  },
});

export const ODI = define(base("odi"), {
  // 2: at most 1 skipped section by default; meaningful change max(10, 30% of baseline) (reference v2).
  version: 2,
  items: licensedSections(ODI_SECTIONS),
  scoring: { type: "scaled_sum", scaleMax: 100, proRating: proRating("odi") },
  bands: [
    { max: 20, label: "Minimal" },
    { max: 40, label: "Moderate" },
    { max: 60, label: "Severe" },
    { max: 80, label: "Crippling" },
    { max: 100, label: "Bed-bound or symptom magnification" },
  ],
  mcid: changeMcid("odi"),
  licence: {
    status: "licensed",
    note: "Licensed through Mapi Research Trust (ePROVIDE); fees can apply. The clinic supplies licensed item wording.",
  },
});

export const INSTRUMENTS: Readonly<Record<string, InstrumentDefinition>> = Object.freeze(
  Object.fromEntries([NPRS, PSFS, GROC, PGIC, EARS, NDI, ODI].map((d) => [d.id, d])),
);

/** The shipped definition for an instrument id, or undefined. */
export function getInstrument(id: string): InstrumentDefinition | undefined {
  return INSTRUMENTS[id];
}
