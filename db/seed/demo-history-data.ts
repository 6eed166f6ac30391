/**
 * Demo visit histories, written as a clinician would chart them (domain reference §3 and §5):
 * PPT as three algometer trials in kgf/cm², tenderness 0–10, active = the client recognises the
 * pain as their own. Sites come from the reference (demo-history.ts looks them up by muscle and
 * label), so only small deliberate shifts (dx, dy) are written here.
 */

export interface SeedPoint {
  key: string;
  muscleId: string;
  side: "left" | "right";
  /** Must be one of the muscle's reference labels (it is also how the site is found). */
  label: string;
}

export interface SeedFinding {
  point: string;
  type: "active" | "latent";
  status: "new" | "unchanged" | "better" | "worse" | "resolved";
  tenderness: number;
  /** Three algometer trials, kgf/cm². */
  ppt: [number, number, number];
  tautBand?: boolean;
  localTwitch?: boolean;
  /** Regions where pressure referred pain; referred_pain is true when any are given. */
  referralRegions?: readonly string[];
  treatment?: readonly string[];
  response?: string;
  note?: string;
  /** Small move from the last position: therapists re-find a point, they do not re-place it exactly. */
  dx?: number;
  dy?: number;
}

export interface SeedVisit {
  daysAgo: number;
  /** Wall-clock start in the clinic's time zone. */
  time: string;
  subjective: string;
  objective: string;
  assessment: string;
  plan: string;
  painRegions: readonly string[];
  findings: readonly SeedFinding[];
}

/** An open complaint with its NPRS before/after at each visit (in visit order) and pain diary days. */
export interface SeedComplaint {
  title: string;
  regions: readonly string[];
  onsetDaysAgo: number;
  visitScores: readonly { before: number; after: number }[];
  diary: readonly { daysAgo: number; score: number; note?: string }[];
}

export interface SeedHistory {
  clientEmail: string;
  points: readonly SeedPoint[];
  visits: readonly SeedVisit[];
  complaint?: SeedComplaint;
}

const IC = "Ischaemic compression";

/**
 * Casey Client (the portal demo account): right neck ache and temple headaches from desk work.
 * Right upper trapezius active → latent → resolved, with PPT rising to match the left; an active
 * right infraspinatus after painting a fence, improving; left-side latent points steady.
 */
export const CASEY_HISTORY: SeedHistory = {
  clientEmail: "client@demo.test",
  // So pain before/after, the diary and progress are never empty for someone trying the product.
  complaint: {
    title: "Right-sided neck ache with temple headaches",
    regions: ["neck_back_r", "temple_r"],
    onsetDaysAgo: 70,
    visitScores: [
      { before: 7, after: 4 },
      { before: 5, after: 3 },
      { before: 3, after: 2 },
    ],
    diary: [
      { daysAgo: 38, score: 7, note: "Headache by mid-afternoon at the desk." },
      { daysAgo: 35, score: 6 },
      { daysAgo: 32, score: 6 },
      { daysAgo: 29, score: 5, note: "Did the ball release twice; easier evening." },
      { daysAgo: 24, score: 5 },
      { daysAgo: 21, score: 4 },
      { daysAgo: 18, score: 4 },
      { daysAgo: 15, score: 4, note: "Long drive, neck stiff after." },
      { daysAgo: 10, score: 3 },
      { daysAgo: 7, score: 3 },
      { daysAgo: 4, score: 2 },
      { daysAgo: 2, score: 2 },
    ],
  },
  points: [
    { key: "ut_r", muscleId: "upper_trapezius", side: "right", label: "UT-1" },
    { key: "ut_l", muscleId: "upper_trapezius", side: "left", label: "UT-1" },
    { key: "ls_l", muscleId: "levator_scapulae", side: "left", label: "LS-1" },
    { key: "is_r", muscleId: "infraspinatus", side: "right", label: "IS-1" },
  ],
  visits: [
    {
      daysAgo: 40,
      time: "10:00",
      subjective:
        "Right-sided neck ache for about three months, building through the working day (accounts, two screens, mouse on the right). Headaches over the right temple three to four afternoons a week, NPRS 6/10 at worst, 2/10 on waking. Eases with heat and at weekends. No pins and needles, dizziness or arm symptoms. Goal: get through the week without painkillers.",
      objective:
        "Right shoulder held slightly elevated; forward head posture at the desk (client's photo). Cervical rotation L 70°, R 60° with a pull in the right neck at end range. R upper trapezius: taut band, exquisitely tender, pincer compression reproduces her temple headache (recognised), visible LTR. PPT R UT 190 kPa vs L UT 294 kPa. L upper trapezius and L levator scapulae: tender taut bands, local pain only, not recognised.",
      assessment:
        "Active R upper trapezius trigger point consistent with her temple headaches; latent points in L upper trapezius and L levator scapulae. Marked left–right PPT asymmetry at upper trapezius. No red flags.",
      plan: "Ischaemic compression and stretch to R upper trapezius. Home: ball against the wall for R upper trapezius twice daily, upper trapezius stretch. Desk set-up: screen up, mouse closer. Review in two weeks.",
      painRegions: ["neck_back_r", "temple_r", "shoulder_top_r"],
      findings: [
        {
          point: "ut_r",
          type: "active",
          status: "new",
          tenderness: 7,
          ppt: [1.9, 2.0, 1.9],
          localTwitch: true,
          referralRegions: ["temple_r", "neck_back_r"],
          treatment: [IC, "Stretch"],
          response: "Tenderness 7 → 4 after 3 × 60 s compression; temple ache eased on the table.",
        },
        {
          point: "ut_l",
          type: "latent",
          status: "new",
          tenderness: 3,
          ppt: [3.0, 3.1, 2.9],
          note: "Local tenderness only; not her familiar pain.",
        },
        {
          point: "ls_l",
          type: "latent",
          status: "new",
          tenderness: 4,
          ppt: [2.6, 2.5, 2.7],
          note: "Tender at the angle of the neck; not recognised.",
        },
      ],
    },
    {
      daysAgo: 26,
      time: "10:30",
      subjective:
        "Headaches down to one or two afternoons a week, NPRS 4/10 at worst. Neck feels looser; ball exercise most days. New: deep ache at the front of the right shoulder since painting the garden fence last weekend, worse reaching into the back seat of the car.",
      objective:
        "Cervical rotation R 68°. R upper trapezius: taut band still present, tender 4/10, refers into the neck but no longer to the temple, so no longer her headache: latent. PPT 239 kPa. R infraspinatus: taut band below the scapular spine, tender 6/10, pressure reproduces the front-of-shoulder ache (recognised), palpable LTR, PPT 216 kPa. Shoulder ROM full, no weakness. Left side unchanged.",
      assessment:
        "R upper trapezius improving, now latent. New active R infraspinatus trigger point after unaccustomed overhead work, explaining the anterior shoulder ache; nothing to suggest a cuff tear.",
      plan: "Ischaemic compression to R infraspinatus and R upper trapezius, stretch. Home: add the ball against the wall for infraspinatus. Pace overhead jobs. Review in two weeks.",
      painRegions: ["temple_r", "neck_back_r", "shoulder_front_r"],
      findings: [
        {
          point: "ut_r",
          type: "latent",
          status: "better",
          tenderness: 4,
          ppt: [2.4, 2.5, 2.4],
          referralRegions: ["neck_back_r"],
          treatment: [IC, "Stretch"],
          response: "Tenderness 4 → 2 after compression.",
        },
        { point: "ut_l", type: "latent", status: "unchanged", tenderness: 3, ppt: [3.0, 3.1, 3.0] },
        { point: "ls_l", type: "latent", status: "unchanged", tenderness: 4, ppt: [2.6, 2.6, 2.5] },
        {
          point: "is_r",
          type: "active",
          status: "new",
          tenderness: 6,
          ppt: [2.2, 2.1, 2.3],
          localTwitch: true,
          referralRegions: ["shoulder_front_r", "upper_arm_front_r"],
          treatment: [IC],
          response: "Shoulder ache 5 → 2 after compression; reaching behind easier.",
        },
      ],
    },
    {
      daysAgo: 12,
      time: "09:30",
      subjective:
        "No headaches for ten days. Occasional right neck stiffness after long meetings, 2/10. Shoulder much better, only on reaching behind. Home programme five days out of seven.",
      objective:
        "Cervical rotation R 72°, symmetrical. R upper trapezius: no taut band, mild tenderness 1/10, no referral: resolved; PPT 298 kPa, now level with the left (301 kPa). R infraspinatus: smaller taut band, tender 3/10, no longer reproduces the shoulder ache: latent; PPT 278 kPa. L upper trapezius and L levator scapulae unchanged, latent.",
      assessment:
        "Good response: R upper trapezius resolved and its PPT now symmetrical with the left. R infraspinatus improving, latent. The left-sided latent points are not producing symptoms.",
      plan: "Ischaemic compression to R infraspinatus. Continue the home programme once daily. Review in three to four weeks, sooner if the headaches return.",
      painRegions: ["neck_back_r", "shoulder_front_r"],
      findings: [
        {
          point: "ut_r",
          type: "latent",
          status: "resolved",
          tenderness: 1,
          ppt: [3.0, 3.1, 3.0],
          tautBand: false,
          note: "No taut band; mild tenderness only.",
        },
        { point: "ut_l", type: "latent", status: "unchanged", tenderness: 3, ppt: [3.1, 3.0, 3.1] },
        { point: "ls_l", type: "latent", status: "unchanged", tenderness: 4, ppt: [2.6, 2.7, 2.6] },
        {
          point: "is_r",
          type: "latent",
          status: "better",
          tenderness: 3,
          ppt: [2.8, 2.9, 2.8],
          treatment: [IC],
          dx: 0.015,
          note: "Found slightly more lateral today.",
        },
      ],
    },
  ],
};

/**
 * A second client with one signed visit (lateral hip pain). Not Priya Shah: the visit tests and
 * the authorization fixtures open visits on Priya and expect nothing to be carried forward.
 */
export const SECOND_HISTORY: SeedHistory = {
  clientEmail: "sophie.martin@example.test",
  points: [
    { key: "gd_r", muscleId: "gluteus_medius", side: "right", label: "GD-1" },
    { key: "gd_l", muscleId: "gluteus_medius", side: "left", label: "GD-1" },
    { key: "ql_r", muscleId: "quadratus_lumborum", side: "right", label: "QL-S" },
  ],
  visits: [
    {
      daysAgo: 9,
      time: "14:00",
      subjective:
        "Right buttock and outer hip ache for six weeks after a weekend of heavy digging. Worse lying on the right side and on stairs, 5/10 at worst, 2/10 at rest; some ache into the right low back. No pins and needles, no pain below the knee, no bladder or bowel change.",
      objective:
        "Hip ROM full; end-range flexion-adduction pulls in the right buttock. R gluteus medius below the iliac crest: taut band, tender 6/10, reproduces her buttock and outer hip ache (recognised); PPT 304 kPa vs 441 kPa at the same site on the left. R quadratus lumborum: tender 4/10, refers towards the SI joint, not recognised. L gluteus medius: tender 2/10, no referral. Greater trochanter not tender.",
      assessment:
        "Active R gluteus medius trigger point consistent with her lateral hip and buttock pain; latent R quadratus lumborum. Neurological screen clear; trochanteric bursitis less likely.",
      plan: "Ischaemic compression to R gluteus medius and quadratus lumborum, hip abductor stretch. Home: ball against the wall for gluteus medius once daily; pillow between the knees at night. Review in two weeks.",
      painRegions: ["buttock_upper_r", "hip_lateral_r", "low_back_r"],
      findings: [
        {
          point: "gd_r",
          type: "active",
          status: "new",
          tenderness: 6,
          ppt: [3.0, 3.2, 3.1],
          referralRegions: ["buttock_upper_r", "hip_lateral_r"],
          treatment: [IC, "Stretch"],
          response: "Tenderness 6 → 3 after compression.",
        },
        {
          point: "ql_r",
          type: "latent",
          status: "new",
          tenderness: 4,
          ppt: [3.5, 3.7, 3.6],
          referralRegions: ["si_joint_r"],
          treatment: [IC],
        },
        { point: "gd_l", type: "latent", status: "new", tenderness: 2, ppt: [4.4, 4.6, 4.5] },
      ],
    },
  ],
};
