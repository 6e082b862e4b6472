/** docs/benchmarks.md, where every benchmark keeps its own "## …" section. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** Replaces only the section under `heading` (up to the next "## "), or appends it; others stay as they are. */
export function writeBenchmarkSection(root: string, heading: string, section: string): string {
  const file = path.join(root, 'docs/benchmarks.md');
  let text = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Benchmarks\n\nMeasured figures; each section names the command that produced it.\n';
  const start = text.indexOf(heading);
  if (start >= 0) {
    const next = text.indexOf('\n## ', start + heading.length);
    text = text.slice(0, start) + section.trimEnd() + '\n' + (next >= 0 ? text.slice(next) : '');
  } else {
    text = text.trimEnd() + '\n\n' + section.trimEnd() + '\n';
  }
  writeFileSync(file, text);
  return file;
}
