/**
 * Hand-placed outline of the adult template (knotwork-adult-v1) in normalised 0..1 coordinates.
 * Placed so the reference seed's landmarks land on the right anatomy: vertex 0.02, chin 0.14,
 * shoulders 0.19, navel 0.38, crotch 0.505, knee 0.72, ankle 0.93, sole 0.985, and every trigger
 * point / region centre inside the matching body part. Changing a point here can move anatomy under
 * stored marks: bump CHART_TEMPLATE.version when that happens.
 */

/** [x, y] or [x, y, true] for a corner (no smoothing, e.g. the crotch and armpit). */
export type OutlinePoint = readonly [number, number, boolean?];

/**
 * The image-left half of the silhouette, from the vertex down and around to the crotch. The
 * figure is symmetric in silhouette, so the other half is this mirrored and the same silhouette
 * serves the front and the back view (in anatomical position the thumbs point away from the body
 * in both). Only the interior detail lines differ between views.
 */
export const HALF_SILHOUETTE: readonly OutlinePoint[] = [
  [0.5, 0.02],
  [0.474, 0.024],
  [0.452, 0.036],
  [0.436, 0.053],
  [0.431, 0.07],
  // ear
  [0.428, 0.076],
  [0.425, 0.088],
  [0.428, 0.101],
  [0.436, 0.107],
  // jaw, then the side of the neck
  [0.443, 0.117],
  [0.452, 0.127],
  [0.457, 0.137],
  [0.457, 0.149, true],
  // trapezius slope to the shoulder tip, deltoid cap
  [0.445, 0.163],
  [0.42, 0.17],
  [0.395, 0.176],
  [0.372, 0.181],
  [0.352, 0.189],
  [0.338, 0.203],
  [0.331, 0.222],
  // outer arm, lateral elbow, forearm to the wrist
  [0.327, 0.255],
  [0.32, 0.295],
  [0.312, 0.335],
  [0.303, 0.375],
  [0.295, 0.41],
  [0.287, 0.445],
  [0.281, 0.475],
  [0.279, 0.5],
  // thumb (palm forward, so it points away from the body), then the fingers
  [0.272, 0.51],
  [0.266, 0.524],
  [0.262, 0.538],
  [0.262, 0.549],
  [0.267, 0.551],
  [0.272, 0.541, true],
  [0.272, 0.56],
  [0.274, 0.585],
  [0.279, 0.6],
  [0.288, 0.606],
  [0.298, 0.603],
  [0.305, 0.59],
  [0.309, 0.565],
  [0.311, 0.54],
  [0.313, 0.515],
  // inner forearm, medial elbow, inner upper arm to the armpit
  [0.318, 0.497],
  [0.328, 0.47],
  [0.338, 0.44],
  [0.345, 0.41],
  [0.352, 0.375],
  [0.359, 0.345],
  [0.366, 0.315],
  [0.372, 0.285],
  [0.377, 0.258],
  [0.381, 0.243, true],
  // side of the trunk: chest wall, waist, hip
  [0.38, 0.262],
  [0.382, 0.29],
  [0.386, 0.32],
  [0.39, 0.345],
  [0.392, 0.365],
  [0.389, 0.39],
  [0.382, 0.42],
  [0.375, 0.45],
  [0.371, 0.48],
  [0.372, 0.505],
  // outer thigh, knee, outer leg to the ankle
  [0.377, 0.54],
  [0.385, 0.58],
  [0.394, 0.625],
  [0.403, 0.67],
  [0.409, 0.7],
  [0.412, 0.725],
  [0.411, 0.75],
  [0.41, 0.775],
  [0.413, 0.81],
  [0.419, 0.85],
  [0.424, 0.89],
  [0.426, 0.92],
  // foot
  [0.424, 0.94],
  [0.418, 0.962],
  [0.418, 0.978],
  [0.428, 0.985],
  [0.445, 0.987],
  [0.462, 0.986],
  [0.471, 0.979],
  [0.47, 0.96],
  [0.467, 0.94],
  [0.467, 0.92],
  // inner leg, inner knee, inner thigh to the crotch
  [0.471, 0.88],
  [0.477, 0.83],
  [0.482, 0.785],
  [0.483, 0.75],
  [0.485, 0.72],
  [0.489, 0.68],
  [0.493, 0.62],
  [0.495, 0.56],
  [0.497, 0.525],
  [0.5, 0.505, true],
];

/** Lines between the fingers of the image-left hand; mirrored onto the other hand, in both views. */
export const FINGERS: OutlinePoint[][] = [
  [
    [0.281, 0.574],
    [0.282, 0.601],
  ],
  [
    [0.29, 0.576],
    [0.291, 0.605],
  ],
  [
    [0.299, 0.574],
    [0.3, 0.6],
  ],
];
