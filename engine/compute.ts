// The engine's entry point (see engine/compute/): compute(document) -> results.
export * from './compute/index.js';
