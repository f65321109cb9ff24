// Shapes of the bill of materials: plain data, ready for CSV, XLSX, JSON and the report.

/** Categories in the order procurement reads them: IT first, then facility equipment. */
export const BOM_CATEGORIES = [
  'racks', 'switches', 'transceivers', 'cables', 'trays', 'containment',
  'busway', 'pdus', 'ups', 'transformers', 'switchboards', 'utility', 'cooling', 'cdus',
] as const;
export type BomCategory = (typeof BOM_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<BomCategory, string> = {
  racks: 'Racks',
  switches: 'Network switches',
  transceivers: 'Transceivers',
  cables: 'Cables',
  trays: 'Cable trays',
  containment: 'Aisle containment',
  busway: 'Busway',
  pdus: 'PDUs',
  ups: 'UPS',
  transformers: 'Transformers',
  switchboards: 'Switchboards',
  utility: 'Utility feeds',
  cooling: 'Cooling units',
  cdus: 'CDUs',
};

export type BomUnit = 'each' | 'm';

export interface BomLine {
  category: BomCategory;
  item: string;
  /** Catalog id the line was priced from (null for none). */
  catalogId: string | null;
  partNumber: string | null;
  manufacturer: string | null;
  quantity: number;
  unit: BomUnit;
  /** Null on an informational line (GPUs inside a rack, busway metres): counted, not priced. */
  unitPrice: number | null;
  /** quantity x unitPrice rounded to cents; null on an informational line. */
  extendedPrice: number | null;
  /** Why the line exists or what it covers: tier, orderable length, runs. */
  note: string;
}

export interface BomCategoryTotal {
  category: BomCategory;
  label: string;
  lines: number;
  /** Sum of the category's extended prices (rounded to cents). */
  subtotal: number;
}

export interface Bom {
  project: string;
  catalog: { name: string; version: string };
  currency: string;
  lines: BomLine[];
  /** Only categories with at least one line, in BOM_CATEGORIES order. */
  categories: BomCategoryTotal[];
  total: number;
  /** Things the BOM could not price (unknown catalog ids), as sentences. */
  warnings: string[];
}
