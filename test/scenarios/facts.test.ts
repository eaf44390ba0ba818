/**
 * The add-in ships its own copy of the facts it uses (src/scenarios/facts.json); every entry must
 * still equal its original in shared/data/deal-facts.json, and every fact a preset shows must come
 * from that copy.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildSheetPlan, FACT_IDS, FACTS, factNumber, numbersInText, PRESETS } from '../../src/scenarios';
import type { Fact, FactId } from '../../src/scenarios';

const SHARED_FACTS = path.resolve(__dirname, '../../../shared/data/deal-facts.json');
const shared: { facts: Fact[] } = JSON.parse(fs.readFileSync(SHARED_FACTS, 'utf8'));

function original(id: FactId): Fact {
  const { deal, figure } = FACTS[id];
  const matches = shared.facts.filter((f) => f.deal === deal && f.figure === figure);
  if (matches.length !== 1) throw new Error(`${id}: ${matches.length} entries in the shared file for ${deal} / ${figure}`);
  return matches[0];
}

describe('facts.json is a verbatim copy of shared/data/deal-facts.json', () => {
  test.each(FACT_IDS)('%s equals its entry (deal, figure, value, unit, date, source_url, quote_or_note, confidence)', (id) => {
    expect(FACTS[id]).toEqual(original(id));
  });

  test('ids are unique per (deal, figure) and name their deal', () => {
    const keys = FACT_IDS.map((id) => `${FACTS[id].deal}|${FACTS[id].figure}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const id of FACT_IDS) expect(id).toMatch(/^[a-z]+\.[A-Za-z0-9]+$/);
  });
});

describe('factNumber reads the number a preset needs', () => {
  test('numbers from text, ignoring digits glued to letters', () => {
    expect(numbersInText('H2 2026 – end of 2029')).toEqual([2026, 2029]);
    expect(numbersInText('6 GW')).toEqual([6]);
    expect(numbersInText('~5')).toEqual([5]);
    expect(numbersInText('50–60')).toEqual([50, 60]);
    expect(numbersInText('H2 2026, Vera Rubin')).toEqual([2026]);
    expect(numbersInText('MI450 at 1.5x')).toEqual([1.5]);
  });

  test('a numeric fact is its value; pick must be 0', () => {
    expect(factNumber('amd.warrantShares')).toBe(160_000_000);
    expect(() => factNumber('amd.warrantShares', 1)).toThrow();
    expect(() => factNumber('oracle.term', 3)).toThrow();
  });
});

describe('every fact a plan shows equals the shared file', () => {
  const plans = PRESETS.map((scenario) => [scenario.id, buildSheetPlan(scenario)] as const);

  test.each(plans)('%s: fact inputs hold the number the shared file states', (_, plan) => {
    const factInputs = plan.inputs.filter((i) => i.fact !== undefined);
    expect(factInputs.length).toBeGreaterThan(0);
    for (const input of factInputs) {
      const source = original(input.fact as FactId);
      const expected = typeof source.value === 'number' ? source.value : numbersInText(source.value)[input.pick ?? 0];
      expect(expected).toEqual(expect.any(Number));
      const { row, col } = cellOf(input.address);
      expect([input.id, plan.cells[row][col]]).toEqual([input.id, expected]);
    }
  });

  test.each(plans)('%s: the sources block lists each fact used with its value, URL, date and confidence as stated', (_, plan) => {
    const used = new Set(plan.inputs.flatMap((i) => (i.fact ? [i.fact] : [])));
    const rows = plan.cells.filter((row) => typeof row[0] === 'string' && FACT_IDS.some((id) => row[0] === `${FACTS[id].deal} — ${FACTS[id].figure}`));
    for (const id of used) {
      const source = original(id as FactId);
      const row = rows.find((r) => r[0] === `${source.deal} — ${source.figure}`);
      expect(row).toBeDefined();
      expect(row?.slice(1, 7)).toEqual([source.value, source.unit || null, source.confidence, source.date, source.source_url, source.quote_or_note]);
    }
  });

  test('every fact in facts.json is used by some preset (no dead copies)', () => {
    const listed = new Set<string>();
    for (const [, plan] of plans) {
      for (const row of plan.cells) {
        const id = FACT_IDS.find((f) => row[0] === `${FACTS[f].deal} — ${FACTS[f].figure}`);
        if (id) listed.add(id);
      }
    }
    expect([...FACT_IDS].filter((id) => !listed.has(id))).toEqual([]);
  });
});

function cellOf(address: string): { row: number; col: number } {
  const match = /^([A-Z]+)(\d+)$/.exec(address);
  if (!match) throw new Error(address);
  let col = 0;
  for (const ch of match[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(match[2]) - 1, col: col - 1 };
}
