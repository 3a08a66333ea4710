// The report's stylesheet: readable on a projector (large type, strong contrast), printable (no
// backgrounds needed, figures kept whole). Browser-safe.
export const REPORT_CSS = `
:root { color-scheme: light; }
body { font: 17px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111; background: #fff; margin: 0; }
main { max-width: 980px; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0.5rem 0; }
h2 { font-size: 1.45rem; border-top: 3px solid #0072B2; padding-top: 0.75rem; margin-top: 2.5rem; }
h4 { margin: 1.25rem 0 0.25rem; }
.meta { color: #444; }
.lede { font-size: 1.1rem; font-weight: 600; }
.summary { background: #f3f7fb; border-left: 4px solid #0072B2; padding: 0.6rem 0.9rem; }
table { border-collapse: collapse; margin: 1rem 0; width: 100%; font-size: 0.95rem; }
th, td { border-bottom: 1px solid #bbb; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
th { border-bottom: 2px solid #111; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: 1.5rem 0; break-inside: avoid; }
figcaption { color: #333; font-size: 0.95rem; max-width: 640px; }
svg { max-width: 100%; height: auto; }
ul.sentences li { margin: 0.4rem 0; }
a { color: #0055a0; }
@media print {
  body { font-size: 11pt; }
  h2 { break-before: page; }
  #summary h2 { break-before: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
