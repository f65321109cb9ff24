// Public face of the queueing models: M/M/c (Erlang C) with response-time percentiles, M/G/1
// (Pollaczek-Khinchine), G/G/1 (Kingman), and the gamma distribution for sums of exponentials.
export { erlangB, erlangC, mmc, waitTail, responseTail, responseQuantile, waitQuantile, type MmcQueue } from './erlang.js';
export {
  pollaczekKhinchine, kingman, singleServerWaitTail, singleServerWaitQuantile, type SingleServerWait,
} from './single.js';
export { lnGamma, gammaP, gammaCdf } from './gamma.js';
export { quantileOfTail } from './solve.js';
