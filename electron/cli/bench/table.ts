export interface BenchRow {
  benchmark: string;
  result: string;
  comparison: string;
  target: string;
  pass: boolean | null;
}

/** Prints rows as a Markdown table (readable in a terminal and pasteable into a note). */
export function formatTable(rows: BenchRow[]): string {
  return markdownTable(
    ['benchmark', 'result', 'comparison', 'target', 'status'],
    rows.map((r) => [r.benchmark, r.result, r.comparison, r.target, r.pass === null ? '—' : r.pass ? 'PASS' : 'FAIL']),
  );
}

/** Rows under a header as a Markdown table, columns padded to their widest cell. */
export function markdownTable(header: readonly string[], body: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
