/** Value at fraction q (0..1) of the sorted samples. */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** 12345.6 → "12,346". */
export function rate(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}
