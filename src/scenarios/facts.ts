/**
 * The sourced facts the presets use (`facts.json`, a verbatim copy of entries of
 * shared/data/deal-facts.json, keyed by id). Scenario inputs refer to facts by id; no fact's
 * number is typed anywhere else.
 *
 * Some facts are stated as text ("6 GW", "~5", "H2 2026 – end of 2029"). `factNumber` reads the
 * number a preset needs out of such text: the `pick`-th number in it, counting from 0, where a
 * number is a run of digits not glued to a letter (so the 2 of "H2" is not one).
 */
import factsFile from './facts.json';

export interface Fact {
  readonly deal: string;
  readonly figure: string;
  readonly value: number | string;
  readonly unit: string;
  readonly date: string;
  readonly source_url: string;
  readonly quote_or_note: string;
  readonly confidence: string;
}

export type FactId = keyof typeof factsFile.facts;

export const FACTS: { readonly [K in FactId]: Fact } = factsFile.facts;

export const FACT_IDS = Object.keys(FACTS) as FactId[];

export function fact(id: FactId): Fact {
  const found = FACTS[id];
  if (!found) throw new Error(`Unknown fact: ${id}`);
  return found;
}

const NUMBER_IN_TEXT = /(?<![A-Za-z0-9.])\d+(?:\.\d+)?/g;

/** The numbers written in a text, in order: "H2 2026 – end of 2029" → [2026, 2029]. */
export function numbersInText(text: string): number[] {
  return Array.from(text.matchAll(NUMBER_IN_TEXT), (m) => Number(m[0]));
}

/** The number a fact states: its value, or the `pick`-th number in its text value. */
export function factNumber(id: FactId, pick = 0): number {
  const { value } = fact(id);
  if (typeof value === 'number') {
    if (pick !== 0) throw new Error(`Fact ${id} is a single number; pick must be 0`);
    return value;
  }
  const found = numbersInText(value)[pick];
  if (found === undefined) throw new Error(`Fact ${id} ("${value}") has no number at position ${pick}`);
  return found;
}
