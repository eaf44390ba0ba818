/** Choosing a name for a new sheet, shared by every sink (Excel, formula engine, xlsx). */
import { toSheetName } from './a1';

/** Excel compares sheet and workbook names without regard to case. */
export function foldName(name: string): string {
  return name.toUpperCase();
}

/**
 * `wanted` if no sheet has that name (compared without case), else `wanted (2)`, `wanted (3)` …,
 * the stem cut so the name keeps to Excel's 31 characters.
 */
export function freeSheetName(wanted: string, existing: readonly string[]): string {
  const taken = new Set(existing.map(foldName));
  const base = toSheetName(wanted);
  if (!taken.has(foldName(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    let stem = base;
    while (stem.length + suffix.length > 31) stem = Array.from(stem).slice(0, -1).join('');
    const candidate = `${stem.trimEnd()}${suffix}`;
    if (!taken.has(foldName(candidate))) return candidate;
  }
}
