/** The DEALS model: pure functions, no Office and no DOM. */
export * from './normal';
export * from './blackScholes';
export * from './barrier';
export * from './solve';
export * from './warrant';
export * from './tranche';
export * from './funding';
export * from './circular';
export * from './random';
export * from './fundingRisk';
