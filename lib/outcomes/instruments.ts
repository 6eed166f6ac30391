import data from "@/db/seed/reference/domain-data.json";
import { instrumentSchema, type InstrumentDefinition, type InstrumentItem } from "./instrument-schema";

/**
 * The shipped instrument definitions, built from the reference seed (domain-data.json,
 * `outcome_measures`). Names, ranges, directions, MCID text and numbers come from the
 * reference; anything the reference lacks is left null or marked, never filled in by us.
 * Bump an instrument's `version` whenever its definition changes: stored responses keep the
 * version they were scored with.
 */

type RefMeasure = (typeof data.outcome_measures)[number];

function ref(id: string): RefMeasure {
  const measure = data.outcome_measures.find((m) => m.id === id);
  if (!measure) throw new Error(`Reference outcome measure "${id}" is missing from domain-data.json.`);
  return measure;
}

/** The reference mixes numbers and phrases ("7.5 points (0-50)"); take a leading number. */
function refNumber(value: unknown, what: string): number {
  const n = typeof value === "number" ? value : typeof value === "string" ? Number.parseFloat(value) : Number.NaN;
  if (!Number.isFinite(n)) throw new Error(`Reference ${what} is not a number: ${String(value)}`);
  return n;
}

function base(id: string) {
  const m = ref(id);
  return {
    id,
    name: m.name,
    referenceVersion: data.meta.version,
    range: { min: refNumber(m.range.min, `${id} range.min`), max: refNumber(m.range.max, `${id} range.max`) },
    direction: m.range.higher_is_worse ? ("higher_is_worse" as const) : ("higher_is_better" as const),
    notes: m.notes,
    mcidText: m.mcid.text,
  };
}

function numbered(prefix: string, title: string, count: number, make: (id: string, title: string) => InstrumentItem) {
  return Array.from({ length: count }, (_, i) => make(`${prefix}_${i + 1}`, `${title} ${i + 1}`));
}

/** 0..max options whose wording the clinic supplies under its licence. */
function unlabelledOptions(max: number) {
  return { kind: "options" as const, options: Array.from({ length: max + 1 }, (_, value) => ({ value, label: null })) };
}

function licensedSections(titles: readonly string[]): InstrumentItem[] {
  return titles.map((title) => ({
    id: title.toLowerCase().replace(/[^a-z]+/g, "_"),
    title,
    prompt: null,
    promptSource: "clinic",
    answer: unlabelledOptions(5),
  }));
}

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

// The reference says "pro-rate" but sets no limit on skipped sections; 2 is our placeholder
// pending clinical sign-off (it is data, so a clinic decision changes one number).
const PRO_RATING = {
  maxSkipped: 2,
  method: "answered_items" as const,
  note: "Skipped sections are left out of both the sum and the maximum (sum / (5 × answered) × scale). Limit of 2 skipped sections is a placeholder: the reference sets none.",
};

function define(
  { mcidText, ...rest }: ReturnType<typeof base>,
  def: Omit<InstrumentDefinition, keyof ReturnType<typeof base> | "mcid" | "referenceVersion"> & {
    mcid: Record<string, unknown>;
  },
) {
  return instrumentSchema.parse({ ...rest, ...def, mcid: { ...def.mcid, text: mcidText } });
}

const nprsRef = ref("nprs");
export const NPRS = define(base("nprs"), {
  version: 1,
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
  mcid: {
    basis: "change",
    absolute: refNumber(nprsRef.mcid.absolute, "nprs mcid"),
    relativePercent: refNumber(nprsRef.mcid.relative_percent, "nprs mcid %"),
  },
  licence: { status: "free", note: "Free to use." },
});

export const PSFS = define(base("psfs"), {
  version: 1,
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
  mcid: { basis: "change", absolute: refNumber(ref("psfs").mcid.absolute, "psfs mcid") },
  licence: {
    status: "free",
    note: "Free to use. Original PSFS (0 = unable); PSFS 2.0 inverts the scale and must not be mixed with it.",
  },
});

export const GROC = define(base("groc"), {
  version: 1,
  items: [
    {
      id: "change",
      title: "Overall change",
      // Our plain wording around the reference's fixed reference point; needs clinician review.
      prompt: "Compared with when you started care here, how would you rate your condition now?",
      promptSource: "instrument",
      answer: {
        kind: "scale",
        min: -7,
        max: 7,
        step: 1,
        // Only the anchors the reference names; the 15-point (-7..+7) version.
        anchors: [
          { value: -7, label: "A very great deal worse" },
          { value: 0, label: "About the same" },
          { value: 3, label: "Somewhat better" },
          { value: 7, label: "A very great deal better" },
        ],
      },
    },
  ],
  scoring: { type: "single" },
  bands: [],
  mcid: { basis: "rating", threshold: refNumber(ref("groc").mcid.absolute, "groc mcid") },
  licence: {
    status: "free",
    note: "Free to use (domain README §6). 15-point version; 11-point variants exist and are not interchangeable.",
  },
});

export const PGIC = define(base("pgic"), {
  version: 1,
  items: [
    {
      id: "impression",
      title: "Impression of change",
      prompt: "Since starting treatment, how would you describe the overall change in your condition?",
      promptSource: "instrument",
      answer: {
        kind: "options",
        // The reference names categories 1, 2, 4 and 7 only; 3, 5 and 6 await clinic wording.
        options: [
          { value: 1, label: "Very much improved" },
          { value: 2, label: "Much improved" },
          { value: 3, label: null },
          { value: 4, label: "No change" },
          { value: 5, label: null },
          { value: 6, label: null },
          { value: 7, label: "Very much worse" },
        ],
      },
    },
  ],
  scoring: { type: "single" },
  bands: [],
  // Reference: "Much improved" (2) or better is an important improvement; mcid.absolute is null there.
  mcid: { basis: "rating", threshold: 2 },
  licence: { status: "unknown", note: "Licence not stated in the reference." },
});

export const EARS = define(base("ears"), {
  version: 1,
  // The reference gives the structure (6 statements, 0-4, agree/disagree) but not the statements
  // or which are reverse-keyed, so the wording is supplied by the clinic like NDI/ODI.
  items: numbered("statement", "Statement", 6, (id, title) => ({
    id,
    title,
    prompt: null,
    promptSource: "clinic",
    answer: unlabelledOptions(4),
  })),
  scoring: { type: "sum" },
  bands: [],
  mcid: { basis: "none" },
  licence: { status: "unknown", note: "Licence not stated in the reference; statement wording not included." },
});

export const NDI = define(base("ndi"), {
  version: 1,
  items: licensedSections(NDI_SECTIONS),
  scoring: { type: "scaled_sum", scaleMax: 50, proRating: PRO_RATING },
  // Developer bands on the raw 0-50 score: 0-4 none, 5-14 mild, 15-24 moderate, 25-34 severe, 35+ complete.
  bands: [
    { max: 4, label: "No disability" },
    { max: 14, label: "Mild" },
    { max: 24, label: "Moderate" },
    { max: 34, label: "Severe" },
    { max: 50, label: "Complete" },
  ],
  mcid: { basis: "change", absolute: refNumber(ref("ndi").mcid.absolute, "ndi mcid") },
  licence: {
    status: "licensed",
    note: "Copyrighted (Vernon). The clinic supplies licensed item wording; section titles and scoring are shipped.",
  },
});

export const ODI = define(base("odi"), {
  version: 1,
  items: licensedSections(ODI_SECTIONS),
  scoring: { type: "scaled_sum", scaleMax: 100, proRating: PRO_RATING },
  bands: [
    { max: 20, label: "Minimal" },
    { max: 40, label: "Moderate" },
    { max: 60, label: "Severe" },
    { max: 80, label: "Crippling" },
    { max: 100, label: "Bed-bound or symptom magnification" },
  ],
  mcid: {
    basis: "change",
    absolute: refNumber(ref("odi").mcid.absolute, "odi mcid"),
    relativePercent: refNumber(ref("odi").mcid.relative_percent, "odi mcid %"),
  },
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
