// The shipped catalog, read from assets/ as the CLI and the app read it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Catalog } from '../../engine/model/index.js';

const path = fileURLToPath(new URL('../../assets/catalog/default.json', import.meta.url));
export const shippedCatalog: Catalog = Catalog.parse(JSON.parse(readFileSync(path, 'utf8')));
