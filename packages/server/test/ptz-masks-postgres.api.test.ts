import { describePtzMasks } from './support/ptz-masks-suite.js';

// One file per engine (about a minute of recording each): files run in parallel, one engine's tests do not.
describePtzMasks('postgres');
