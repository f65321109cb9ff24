// Saved camera views are document data added and removed by named operations.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoHall } from '../../engine/generators/index';
import { Catalog, ProjectDocument, type CameraView } from '../../engine/model/index';
import { addView, removeView } from './operations';

const catalog = Catalog.parse(JSON.parse(readFileSync(new URL('../../assets/catalog/default.json', import.meta.url), 'utf8')));
const view: CameraView = { id: 'v1', name: 'Row A from the cold aisle', eye: [1, -5, 3], target: [10, 4, 1], projection: 'perspective' };

describe('view operations', () => {
  const doc = demoHall(catalog);

  it('adds a view the schema accepts, without touching the input', () => {
    const after = addView.apply(doc, { view });
    expect(after.views).toEqual([...doc.views, view]);
    expect(doc.views).not.toContain(view);
    expect(ProjectDocument.safeParse(after).success).toBe(true);
  });

  it('records nothing for a duplicate id or an unknown view', () => {
    const once = addView.apply(doc, { view });
    expect(addView.apply(once, { view })).toBe(once);
    expect(removeView.apply(doc, { id: 'nope' })).toBe(doc);
    expect(removeView.apply(once, { id: 'v1' }).views).toEqual(doc.views);
  });
});
