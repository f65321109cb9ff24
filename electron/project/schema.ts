// The .aifactory file format, following SQLite's advice for application file formats
// (https://www.sqlite.org/appfileformat.html): our own application_id, user_version as the
// schema version, real tables per entity (queryable with plain sqlite3), JSON only for
// open-ended properties. Documented in docs/file-format.md.

/** "FTwn" as a big-endian 32-bit integer: identifies a Factory Twin project file. */
export const APPLICATION_ID = 0x4654776e;

/** The schema version this build writes; it reads every version up to this one. */
export const SCHEMA_VERSION = 1;

export const FILE_EXTENSION = '.aifactory';

/** Schema of version 1. STRICT tables refuse values of the wrong type, even from other tools. */
export const SCHEMA_V1 = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE hall (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL, length_m REAL NOT NULL, width_m REAL NOT NULL, ceiling_height_m REAL NOT NULL,
  floor_kind TEXT NOT NULL, plenum_depth_m REAL, tile_m REAL NOT NULL, supply_air_c REAL NOT NULL,
  ashrae_class TEXT NOT NULL, altitude_m REAL NOT NULL
) STRICT;
CREATE TABLE walls (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
  ax REAL NOT NULL, ay REAL NOT NULL, bx REAL, by REAL, size_m REAL NOT NULL) STRICT;
CREATE TABLE catalog_info (id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL, version TEXT NOT NULL, currency TEXT NOT NULL, site TEXT NOT NULL) STRICT;
CREATE TABLE catalog_items (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, section TEXT NOT NULL,
  kind TEXT, name TEXT NOT NULL, manufacturer TEXT, part_number TEXT, unit_price REAL NOT NULL,
  props TEXT NOT NULL) STRICT;
CREATE TABLE fabric_design (id INTEGER PRIMARY KEY CHECK (id = 1),
  compute_switch_type_id TEXT NOT NULL, storage_switch_type_id TEXT NOT NULL,
  oversubscription REAL NOT NULL, nodes_per_scalable_unit INTEGER NOT NULL) STRICT;
CREATE TABLE hall_rows (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, tags TEXT NOT NULL) STRICT;
CREATE TABLE racks (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type_id TEXT NOT NULL, name TEXT NOT NULL,
  x REAL NOT NULL, y REAL NOT NULL, rotation_deg INTEGER NOT NULL, row_id TEXT, feed_a TEXT, feed_b TEXT,
  cdu_id TEXT, utilisation REAL, tags TEXT NOT NULL) STRICT;
CREATE TABLE cooling_units (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type_id TEXT NOT NULL, name TEXT NOT NULL,
  x REAL NOT NULL, y REAL NOT NULL, rotation_deg INTEGER NOT NULL, row_id TEXT, status TEXT NOT NULL,
  attached_rack_id TEXT, tags TEXT NOT NULL) STRICT;
CREATE TABLE power_equipment (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type_id TEXT NOT NULL, name TEXT NOT NULL,
  x REAL NOT NULL, y REAL NOT NULL, rotation_deg INTEGER NOT NULL, side TEXT, status TEXT NOT NULL, length_m REAL,
  tags TEXT NOT NULL) STRICT;
CREATE TABLE power_feeds (seq INTEGER PRIMARY KEY, power_id TEXT NOT NULL, upstream_id TEXT NOT NULL) STRICT;
CREATE INDEX power_feeds_by_power ON power_feeds (power_id);
CREATE TABLE trays (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type_id TEXT NOT NULL, name TEXT NOT NULL,
  elevation_m REAL NOT NULL, points TEXT NOT NULL, tags TEXT NOT NULL) STRICT;
CREATE TABLE containment (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type_id TEXT NOT NULL, name TEXT NOT NULL,
  min_x REAL NOT NULL, min_y REAL NOT NULL, max_x REAL NOT NULL, max_y REAL NOT NULL, height_m REAL NOT NULL,
  tags TEXT NOT NULL) STRICT;
CREATE TABLE links (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, a_object_id TEXT NOT NULL, a_port TEXT NOT NULL,
  b_object_id TEXT NOT NULL, b_port TEXT NOT NULL, purpose TEXT NOT NULL, cable_type_id TEXT, routed_length_m REAL,
  tags TEXT NOT NULL) STRICT;
CREATE TABLE workloads (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
  concurrent_agents INTEGER NOT NULL, slo_p99_step_ms REAL NOT NULL, model TEXT NOT NULL, profile TEXT NOT NULL) STRICT;
CREATE TABLE camera_views (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, projection TEXT NOT NULL,
  eye TEXT NOT NULL, target TEXT NOT NULL) STRICT;
`;

/** Tables a version-1 file must have (used to tell a damaged file from a foreign one). */
export const TABLES_V1 = [
  'meta', 'hall', 'walls', 'catalog_info', 'catalog_items', 'fabric_design', 'hall_rows', 'racks', 'cooling_units',
  'power_equipment', 'power_feeds', 'trays', 'containment', 'links', 'workloads', 'camera_views',
] as const;
