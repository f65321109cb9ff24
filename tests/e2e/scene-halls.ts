// Halls for the scene tests and the render benchmark, written as real project files the app
// opens through its own File > Open: the demo hall, the demo hall doubled (a copy of every rack
// beside the original, on a hall twice as long) and the gigawatt-class hall.
import { join } from 'node:path';
import { writeProject } from '../../electron/project/write.js';
import { demoHall, gigawattHall } from '../../engine/generators/index.js';
import type { ProjectDocument } from '../../engine/model/index.js';
import { shippedCatalog } from '../support/catalog.js';

/** Every rack again, shifted by the hall's length onto a hall twice as long: same types, twice the racks. */
export function doubledHall(doc: ProjectDocument): ProjectDocument {
  const L = doc.hall.lengthM;
  const copies = doc.racks.map((r) => ({ ...r, id: `${r.id}-b` as typeof r.id, name: `${r.name} B`, position: { ...r.position, x: (r.position.x + L) as typeof r.position.x } }));
  return {
    ...doc,
    hall: { ...doc.hall, name: 'Doubled hall', lengthM: (L * 2) as typeof L },
    racks: [...doc.racks, ...copies],
  };
}

export function writeHall(dir: string, name: 'demo' | 'doubled' | 'gigawatt'): { path: string; racks: number } {
  const doc = name === 'gigawatt' ? gigawattHall(shippedCatalog) : name === 'doubled' ? doubledHall(demoHall(shippedCatalog)) : demoHall(shippedCatalog);
  const path = join(dir, `${name}.aifactory`);
  writeProject(path, doc, 'e2e');
  return { path, racks: doc.racks.length };
}
