import { TEMPLATE_REGIONS } from "@/lib/clinical/rules/template-regions";
import { figureDistance } from "@/lib/clinical/rules/nearest-trigger-points";
import type { ChartPoint, ChartView } from "@/lib/clinical/rules/types";

/**
 * The region scheme in a client's words: the reference names carry clinical asides in
 * brackets ("Outer hip (greater trochanter) (right)"); clients see "Outer hip, right".
 */
export function plainRegionName(name: string): string {
  const side = /\((right|left)\)\s*$/.exec(name)?.[1];
  const base = name.replace(/\s*\([^)]*\)/g, "").trim();
  return side ? `${base}, ${side}` : base;
}

/** Body areas for the list, in head-to-toe order; each region id belongs to the first match. */
const AREAS: { name: string; match: RegExp }[] = [
  { name: "Head and face", match: /^(head|forehead|temple|orbit|ear|tmj|cheek|jaw|occiput|suboccipital)/ },
  { name: "Neck", match: /^(throat|neck)/ },
  { name: "Shoulders and upper back", match: /^(shoulder|suprascapular|interscapular|scapula|thoracic)/ },
  { name: "Chest and belly", match: /^(chest|sternum|breast|abdomen)/ },
  { name: "Arms and hands", match: /^(upper_arm|elbow|forearm|wrist|palm|hand)/ },
  { name: "Middle and lower back", match: /^(mid_back|flank|lumbar|low_back|iliac|si_joint|sacrum|coccyx)/ },
  { name: "Hips, buttocks and groin", match: /^(hip|buttock|gluteal|groin)/ },
  { name: "Legs and feet", match: /^(thigh|knee|shin|leg|calf|ankle|heel|foot|sole|big_toe)/ },
];

export interface Region {
  id: string;
  view: ChartView;
  x: number;
  y: number;
  name: string;
}

const REGIONS: Region[] = TEMPLATE_REGIONS.map(([id, view, x, y, name]) => ({
  id,
  view,
  x,
  y,
  name: plainRegionName(name),
}));
const BY_ID = new Map(REGIONS.map((r) => [r.id, r]));

export const regionById = (id: string) => BY_ID.get(id);

/** Areas with their regions; anything the patterns miss (a newer seed's region) goes last, not lost. */
export const BODY_AREAS: { name: string; regions: Region[] }[] = (() => {
  const groups = AREAS.map((a) => ({ name: a.name, regions: [] as Region[] }));
  const other = { name: "Other places", regions: [] as Region[] };
  for (const r of REGIONS) {
    const i = AREAS.findIndex((a) => a.match.test(r.id));
    (i >= 0 ? groups[i]! : other).regions.push(r);
  }
  return [...groups, other].filter((g) => g.regions.length > 0);
})();

/** The region whose centre is nearest a tap on the figure, in the same view. */
export function nearestRegion(point: ChartPoint): Region | undefined {
  let best: Region | undefined;
  let bestD = Infinity;
  for (const r of REGIONS) {
    if (r.view !== point.view) continue;
    const d = figureDistance(point, r);
    if (d < bestD) {
      best = r;
      bestD = d;
    }
  }
  return best;
}
