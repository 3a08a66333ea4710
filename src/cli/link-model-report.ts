// `reident link --model-report FILE.html`: the model report (src/report/html/model-report.ts) with the
// waterfalls of a high, a borderline and a low pair, drawn on a server-side document and written
// atomically (temp file, then rename).
import { pairWaterfall, type WaterfallModel } from '../../attacks/link/waterfall.ts';
import { modelReportHtml, reportPairs } from '../report/html/model-report.ts';
import { writeFileAtomic } from '../io/out-dir.ts';
import { serverDocument } from '../io/report-files.ts';

export async function writeModelReport(
  file: string,
  model: WaterfallModel,
  scored: { left: Int32Array; right: Int32Array; weight: Float64Array; count: number },
  threshold: number,
  subject: string,
): Promise<void> {
  const weights = scored.weight.subarray(0, scored.count);
  const waterfalls = reportPairs(weights, threshold).map(({ role, index }) => ({ role, waterfall: pairWaterfall(model, scored.left[index]!, scored.right[index]!) }));
  const html = modelReportHtml({ subject, settings: model.settings, parameters: model.parameters, weights, threshold, waterfalls }, serverDocument());
  await writeFileAtomic(file, html);
}
