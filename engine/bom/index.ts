// Bill of materials: counts and prices of everything the hall needs. See docs/interchange.md.
export { buildBom, type BomOptions } from './build.js';
export { aisleLengthM, polylineLengthM, round2 } from './measure.js';
export { BOM_CATEGORIES, CATEGORY_LABELS, type Bom, type BomCategory, type BomCategoryTotal, type BomLine, type BomUnit } from './types.js';
