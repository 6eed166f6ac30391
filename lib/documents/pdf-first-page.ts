import "server-only";
import { Worker } from "node:worker_threads";

/**
 * Renders a PDF's first page to PNG with Mozilla's pdf.js (pdfjs-dist, legacy build for Node)
 * drawing on @napi-rs/canvas (Skia, prebuilt per platform inside its npm package: no system
 * library, no download at install or run time).
 *
 * An uploaded PDF is untrusted: it runs in a worker thread with its own memory ceiling and is
 * terminated when the time is up, so a hostile or broken file can neither hang nor exhaust the
 * process that asked (a timeout on a promise cannot stop code stuck in a loop; terminate can).
 * The worker's source is inline and loads the two packages from node_modules at run time, so it
 * works the same under Next's server bundle, the standalone worker and the tests.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const path = require("node:path");
(async () => {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const { createCanvas } = require("@napi-rs/canvas");
  const fonts = path.join(path.dirname(require.resolve("pdfjs-dist/package.json")), "standard_fonts") + path.sep;
  const pdf = await getDocument({
    data: workerData.data,
    standardFontDataUrl: fonts,
    isEvalSupported: false,
    disableFontFace: true,
    useWorkerFetch: false,
    maxImageSize: workerData.maxImagePixels,
    verbosity: 0,
  }).promise;
  const page = await pdf.getPage(1);
  const unit = page.getViewport({ scale: 1 });
  if (!(unit.width > 0 && unit.height > 0)) throw new Error("page has no size");
  const viewport = page.getViewport({ scale: Math.min(workerData.size / unit.width, workerData.size / unit.height) });
  const canvas = createCanvas(Math.max(1, Math.ceil(viewport.width)), Math.max(1, Math.ceil(viewport.height)));
  const ctx = canvas.getContext("2d");
  // Paper is white; a PDF page paints only what is on it.
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvas, canvasContext: ctx, viewport }).promise;
  await pdf.destroy();
  parentPort.postMessage({ png: canvas.toBuffer("image/png") });
})().catch((err) => parentPort.postMessage({ error: err && err.name ? err.name : "Error" }));
`;

export interface RenderLimits {
  /** The longer side of the picture, in pixels. */
  size: number;
  timeoutMs: number;
  /** The worker's JavaScript heap; images pdf.js decodes live there too. */
  maxMemoryMb: number;
}

export const DEFAULT_RENDER_LIMITS: RenderLimits = { size: 640, timeoutMs: 20_000, maxMemoryMb: 256 };

/** The first page as PNG, or null when the PDF cannot be rendered within the limits (never throws). */
export function renderPdfFirstPage(
  data: Uint8Array,
  limits: RenderLimits = DEFAULT_RENDER_LIMITS,
): Promise<Buffer | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { data: new Uint8Array(data), size: limits.size, maxImagePixels: 4096 * 4096 },
        resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb, maxYoungGenerationSizeMb: 32 },
        stdout: true,
        stderr: true,
      });
    } catch {
      return resolve(null);
    }
    // Drained, never printed: a warning may quote the document's text, which stays out of logs.
    worker.stdout.resume();
    worker.stderr.resume();
    let settled = false;
    const finish = (png: Buffer | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(png);
    };
    const timer = setTimeout(() => finish(null), limits.timeoutMs);
    worker.on("message", (m: { png?: Uint8Array; error?: string }) => finish(m.png ? Buffer.from(m.png) : null));
    // Out of memory, a crash in the renderer, or an exit before an answer: no picture.
    worker.on("error", () => finish(null));
    worker.on("exit", () => finish(null));
  });
}
