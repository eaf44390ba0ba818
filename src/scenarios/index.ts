/**
 * Preset deals: scenario definitions (data), the pure builder that turns one into a SheetPlan, the
 * facts they use and the A1 helpers the sinks share.
 *
 *     import { PRESETS, scenarioById, buildSheetPlan } from '../scenarios';
 *     const plan = buildSheetPlan(scenarioById('amd'), messagesFor(Office.context.displayLanguage));
 */
import type { Messages } from '../i18n';
import { en, formatMessage } from '../i18n';
import { amd } from './presets/amd';
import { bain2030 } from './presets/bain2030';
import { broadcom } from './presets/broadcom';
import { nvidia } from './presets/nvidia';
import { openai } from './presets/openai';
import { oracle } from './presets/oracle';
import { portfolio } from './presets/portfolio';
import { timelinePreset } from './presets/timeline';
import { fact } from './facts';
import type { PresetId, Scenario, Text } from './types';

export { buildSheetPlan, CHART_COLUMNS, CHART_ROWS } from './builder';
export * from './plan';
export * from './types';
export { FACTS, FACT_IDS, fact, factNumber, numbersInText } from './facts';
export type { Fact, FactId } from './facts';
export { UNITS, FORMAT_USD_AS_BN, excelDate } from './units';
export type { UnitId } from './units';
export * as a1 from './a1';

/** The presets in the order the taskpane lists them. */
export const PRESETS: readonly Scenario[] = [amd, nvidia, oracle, broadcom, bain2030, openai, timelinePreset, portfolio];

export const PRESET_IDS: readonly PresetId[] = PRESETS.map((p) => p.id);

/** The preset with this id; throws for an unknown id (a programming error, or bad CLI input the caller reports). */
export function scenarioById(id: string): Scenario {
  const found = PRESETS.find((p) => p.id === id);
  if (!found) throw new Error(`Unknown preset "${id}". Presets: ${PRESET_IDS.join(', ')}`);
  return found;
}

/** A catalogue text with its parameters filled (facts as their source states them). */
export function renderText(text: Text, messages: Messages = en): string {
  if (typeof text === 'string') return formatMessage(messages, text);
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(text.params)) params[name] = typeof value === 'object' ? fact(value.fact).value : value;
  return formatMessage(messages, text.key, params);
}

/** What the taskpane lists: id, title and one-line summary of each preset, translated. */
export function presetSummaries(messages: Messages = en): Array<{ id: PresetId; title: string; description: string }> {
  return PRESETS.map((p) => ({ id: p.id, title: formatMessage(messages, p.title), description: formatMessage(messages, p.summary) }));
}
