/** Latencies are counted in 1 ms buckets from -OFFSET ms to HISTOGRAM_MS - OFFSET ms. */
export const HISTOGRAM_MS = 60_000;
export const HISTOGRAM_OFFSET = 1_000;

export const histogramBucket = (latencyMs) => Math.min(HISTOGRAM_MS - 1, Math.max(0, Math.floor(latencyMs) + HISTOGRAM_OFFSET));

/** The p-th percentile (nearest rank) of a histogram, in ms. */
export function histogramPercentile(histogram, p) {
  const total = histogram.reduce((sum, n) => sum + n, 0);
  if (total === 0) return NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (let i = 0; i < histogram.length; i += 1) {
    seen += histogram[i];
    if (seen >= rank) return i - HISTOGRAM_OFFSET;
  }
  return NaN;
}
