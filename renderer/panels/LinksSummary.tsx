// Two or more links selected (cables clicked in the viewport): their count, the cable they take
// (lengths in the unit chosen, converted here at the UI edge), how many of each type and rate, the
// hand-picked types and the links their cable does not reach (link-summary.ts), and Delete, the
// same registered action as the key. With objects selected too, both counts are said and Delete
// removes both, as the key does.
import { Cable, Trash2 } from 'lucide-react';
import type { ProjectDocument } from '../../engine/model/index';
import { getAction, runAction } from '../actions/registry';
import { useActionContext } from '../app/context';
import { useEditor } from '../editor/state';
import { formatLength } from '../editor/units';
import { Readout } from '../ui/Fields';
import { summariseLinks, type Tally } from './link-summary';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function Tallies({ title, tallies, testId }: { title: string; tallies: readonly Tally[]; testId: string }) {
  return (
    <div data-testid={testId}>
      <div className="kind-line">{title}</div>
      {tallies.map((t) => (
        // Names of cable types run long: the name takes the row, the count stands at its end.
        <div className="field" key={t.label} title={t.label} style={{ gridTemplateColumns: '1fr auto' }}>
          <label>{t.label}</label>
          <span className="readout">{t.count}</span>
        </div>
      ))}
    </div>
  );
}

/** The links `ids` of `doc`; `objects` other objects are selected with them (0: links alone). */
export function LinksSummary({ doc, ids, objects }: { doc: ProjectDocument; ids: readonly string[]; objects: number }) {
  const units = useEditor((s) => s.units);
  const ctx = useActionContext();
  const s = summariseLinks(doc, ids);
  const del = getAction('edit.delete');
  const what = objects === 0 ? plural(s.count, 'link') : `${plural(s.count, 'link')} and ${plural(objects, 'object')}`;
  return (
    <div className="body" data-testid="inspector-links" data-count={s.count}>
      <div className="kind-line"><Cable size={14} />{what}</div>
      <div data-testid="links-length" data-metres={s.routedM}>
        <Readout label="Routed length" value={`${formatLength(s.routedM, units, 1)}${s.unrouted > 0 ? ` · ${s.unrouted} not routed` : ''}`} />
      </div>
      <div data-testid="links-chosen"><Readout label="Type by hand" value={`${s.chosenByHand} of ${s.count}`} /></div>
      <div data-testid="links-too-short"><Readout label="Do not reach" value={`${s.tooShort} of ${s.count}`} /></div>
      {s.tooShort > 0 && <div className="field-error" role="alert">{`${plural(s.tooShort, 'link is', 'links are')} longer than the cable type reaches`}</div>}
      <Tallies title="Cable types" tallies={s.byType} testId="links-by-type" />
      <Tallies title="Rates" tallies={s.byRate} testId="links-by-rate" />
      {del !== undefined && (
        <button className="btn outline" data-testid="links-delete" disabled={del.enabled !== undefined && !del.enabled()}
          title={`${del.label} (${del.shortcut ?? ''})`} onClick={() => void runAction(del.id, ctx)}>
          <Trash2 size={14} />{`Delete ${what}`}
        </button>
      )}
    </div>
  );
}
