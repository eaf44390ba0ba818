/**
 * Assumptions used by more than one preset, defined once so that the presets agree.
 */
import { assume } from '../types';

/**
 * Broadcom's share of a GW (custom accelerators and networking): USD 15 bn per GW. Terms were not
 * disclosed; analysts put chip-vendor revenue at about USD 15–20 bn per GW (Bernstein) and AMD's
 * at USD 17.5 bn per GW (BofA). Custom accelerators are taken at the low end.
 */
export const BROADCOM_COST_PER_GW = assume(15, 'broadcom.why.costPerGw', ['amd.revenuePerGw']);
