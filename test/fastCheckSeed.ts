/**
 * Property tests run on a fixed seed, so a run is reproducible (and a mutant is killed or not, the
 * same each time); DEALS_FC_SEED=<n> explores another part of the input space.
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.DEALS_FC_SEED ?? 20260419) });
