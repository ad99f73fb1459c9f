// Extraction throughput: the seed pipeline's pure part (normalize, segment, extract and
// attribute) over the seed documents, repeated. No database, one core.
import path from "node:path";
import { extractClaims, normalizeDocument, segmentSentences } from "@/lib/extract";
import { DEFAULT_DOCUMENTS_DIR, DEFAULT_MANIFEST, readDocument, readManifest } from "@/seed/run-seed";

export interface ExtractionFigures {
  documents: number;
  repetitions: number;
  sentences: number;
  claims: number;
  megabytes: number;
  seconds: number;
}

/** Runs the whole seed set `repetitions` times (after one untimed pass that warms the JIT). */
export async function measureExtraction(repetitions: number): Promise<ExtractionFigures> {
  const manifest = await readManifest(DEFAULT_MANIFEST);
  const documents = await Promise.all(manifest.map((entry) => readDocument(path.join(DEFAULT_DOCUMENTS_DIR, entry.file))));
  let sentencesPerPass = 0;
  let bytesPerPass = 0;
  for (const raw of documents) {
    sentencesPerPass += segmentSentences(normalizeDocument(raw).text).length;
    bytesPerPass += Buffer.byteLength(raw);
  }
  let claims = 0;
  const runPass = () => {
    let found = 0;
    for (const raw of documents) found += extractClaims(normalizeDocument(raw).text).length;
    return found;
  };
  runPass();
  const started = performance.now();
  for (let pass = 0; pass < repetitions; pass++) claims += runPass();
  const seconds = (performance.now() - started) / 1000;
  return {
    documents: documents.length,
    repetitions,
    sentences: sentencesPerPass * repetitions,
    claims,
    megabytes: (bytesPerPass * repetitions) / 1024 / 1024,
    seconds,
  };
}
