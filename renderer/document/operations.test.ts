// Operations are pure: the input document is never touched, a no-op hands back the same object
// (so nothing is recorded), and a change touches only what it names.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Catalog } from '../../engine/model/index';
import { demoHall } from '../../engine/generators/index';
import { renameObject, setEquipmentStatus, setHallField, setRackUtilisation } from './operations';

const catalog = Catalog.parse(JSON.parse(readFileSync(new URL('../../assets/catalog/default.json', import.meta.url), 'utf8')));

describe('document operations', () => {
  it('set a hall field without mutating the input', () => {
    const doc = demoHall(catalog);
    const frozen = JSON.stringify(doc);
    const next = setHallField.apply(doc, { field: 'supplyAirC', value: 25 });
    expect(next.hall.supplyAirC).toBe(25);
    expect(JSON.stringify(doc)).toBe(frozen);
    expect(next.racks).toBe(doc.racks);
    expect(setHallField.apply(next, { field: 'supplyAirC', value: 25 })).toBe(next);
  });

  it('rename one rack and leave the others', () => {
    const doc = demoHall(catalog);
    const id = doc.racks[2]!.id;
    const next = renameObject.apply(doc, { section: 'racks', id, name: 'Spare' });
    expect(next.racks[2]!.name).toBe('Spare');
    expect(next.racks[1]).toBe(doc.racks[1]);
    expect(renameObject.apply(doc, { section: 'racks', id: 'nope', name: 'x' })).toBe(doc);
  });

  it('set utilisation on several racks, and back to the site default', () => {
    const doc = demoHall(catalog);
    const ids = [doc.racks[0]!.id, doc.racks[3]!.id];
    const next = setRackUtilisation.apply(doc, { ids, utilisation: 0.5 });
    expect(next.racks.filter((r) => r.utilisation === 0.5).map((r) => r.id)).toEqual(ids);
    const back = setRackUtilisation.apply(next, { ids, utilisation: null });
    expect(back.racks.every((r) => r.utilisation === null)).toBe(true);
  });

  it('fail a cooling unit', () => {
    const doc = demoHall(catalog);
    const unit = doc.cooling[0]!;
    const next = setEquipmentStatus.apply(doc, { section: 'cooling', id: unit.id, status: 'failed' });
    expect(next.cooling[0]!.status).toBe('failed');
    expect(doc.cooling[0]!.status).toBe('running');
  });
});
