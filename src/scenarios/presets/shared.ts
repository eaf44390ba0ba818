/**
 * Assumptions used by more than one preset, defined once so that the presets agree.
 */
import { assume, calc, CalcRow, factValue } from '../types';

/**
 * Broadcom's share of a GW (custom accelerators and networking): USD 15 bn per GW. Terms were not
 * disclosed; analysts put chip-vendor revenue at about USD 15–20 bn per GW (Bernstein) and AMD's
 * at USD 17.5 bn per GW (BofA). Custom accelerators are taken at the low end.
 */
export const BROADCOM_COST_PER_GW = assume(15, 'broadcom.why.costPerGw', ['amd.revenuePerGw']);

/**
 * The one all-in capital cost per GW of every sheet (portfolio, broadcom, nvidia): the OpenAI chief
 * executive's "more than USD 40 bn" per GW, the figure behind his USD 1.4 tn for about 30 GW.
 */
export const ALL_IN_PER_GW = factValue('openai.ceoCostPerGw');

/**
 * OpenAI's revenue growth, annual compound, on every sheet that sets an OpenAI revenue path against
 * a contract (oracle, broadcom): a steep but slowing path; the user sets their own view.
 */
export const OPENAI_REVENUE_GROWTH = assume(0.5, 'oracle.why.growth');

/**
 * The growth convention of every preset: an analyst states growth as an annual compound rate g
 * (the way growth is quoted), and the sheet converts it in a visible row to the continuously
 * compounded rate LN(1+g) that DEALS functions take. Revenue after t years is then
 * R0·(1+g)^t = R0·e^(LN(1+g)·t) on every sheet, whichever form a formula uses.
 *
 * @param id       the calculation's id (default `growthContinuous`)
 * @param growthId the id of the input holding the annual compound rate (default `growth`)
 */
export const continuousGrowth = (id = 'growthContinuous', growthId = 'growth'): CalcRow =>
  calc(id, 'sheet.calc.growthContinuous', 'percentPerYear', `=LN(1+{${growthId}})`, 'sheet.note.growthContinuous');
