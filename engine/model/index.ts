// Public face of the document model.
export * from './units.js';
export * from './ids.js';
export * from './catalog.js';
export * from './hall.js';
export * from './placed.js';
export * from './link.js';
export * from './workload.js';
export * from './document.js';
export * from './geometry.js';
export * from './ashrae.js';
export { acceptorOf, compileAcceptor, fastParse, type Acceptor } from './accept.js';
export * from './validate.js';
export * from './loads.js';
