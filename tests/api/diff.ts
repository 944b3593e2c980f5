// A short line diff of two reports, for a failing API test: the changed lines with a little context,
// so the reviewer sees what moved without opening the files.

const CONTEXT = 2;

// Longest common subsequence over the lines that differ; reports are a few thousand lines at most.
function edits(a: readonly string[], b: readonly string[]): string[] {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j]
          ? table[(i + 1) * width + j + 1] + 1
          : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
    }
  }
  const out: string[] = [];
  let [i, j] = [0, 0];
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push(`  ${a[i]}`);
      [i, j] = [i + 1, j + 1];
    } else if (j < b.length && (i === a.length || table[i * width + j + 1] > table[(i + 1) * width + j])) {
      out.push(`+ ${b[j++]}`);
    } else {
      out.push(`- ${a[i++]}`);
    }
  }
  return out;
}

// Unchanged runs longer than twice the context shrink to an ellipsis.
function collapse(lines: readonly string[]): string[] {
  const changed = lines.map((l) => !l.startsWith("  "));
  const near = (k: number): boolean =>
    changed.slice(Math.max(0, k - CONTEXT), k + CONTEXT + 1).some((c) => c);
  const out: string[] = [];
  lines.forEach((line, k) => {
    if (near(k)) out.push(line);
    else if (out[out.length - 1] !== "  …") out.push("  …");
  });
  return out;
}

/** `- expected` / `+ actual` lines around each change, at most `max` of them. */
export function lineDiff(expected: string, actual: string, max = 40): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let [endA, endB] = [a.length, b.length];
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) [endA, endB] = [endA - 1, endB - 1];
  const from = Math.max(0, start - CONTEXT);
  const middle =
    (endA - start) * (endB - start) <= 4_000_000
      ? edits(a.slice(start, endA), b.slice(start, endB))
      : [...a.slice(start, endA).map((l) => `- ${l}`), ...b.slice(start, endB).map((l) => `+ ${l}`)];
  const lines = collapse([
    ...a.slice(from, start).map((l) => `  ${l}`),
    ...middle,
    ...a.slice(endA, endA + CONTEXT).map((l) => `  ${l}`),
  ]);
  const shown = lines.slice(0, max);
  if (lines.length > max) shown.push(`… (${lines.length - max} more diff lines)`);
  // The export the first change sits in, so the header says where without opening the report.
  const heading = a
    .slice(0, start + 1)
    .reverse()
    .find((l) => l.startsWith("## "));
  return [`@@ from line ${from + 1}${heading ? `, in ${heading.slice(3)}` : ""} @@`, ...shown].join("\n");
}
