export { generateHall, type HallSpec, type PowerChoice } from './layout.js';
export { demoHall, superpodHall, gigawattHall, makeSample, SAMPLE_NAMES, type SampleName } from './samples.js';
export { codingAgents, researchAgents } from './workloads.js';
export { continuousKw, ratedKw, continuousFactor, packConsecutive } from './sizing.js';
