/**
 * The few chart styles that depend on state or media queries. Plain CSS inside the SVG rather
 * than Tailwind classes, so focus rings, touch targets and print colours also work wherever the
 * app stylesheet is absent (static renders, exported or printed charts).
 */
export const CHART_CSS = `
.kw-mark .kw-focus-ring { opacity: 0; }
.kw-mark:focus-visible .kw-focus-ring { opacity: 1; }
.kw-mark .kw-hit-coarse { display: none; }
@media (pointer: coarse) { .kw-mark .kw-hit-coarse { display: inline; } }
.kw-chart { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media print { .kw-mark .kw-focus-ring { display: none; } }
`;
