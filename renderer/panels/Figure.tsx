// One engine figure: label and value; hovering shows how it was obtained (formula, inputs with
// units, source), clicking pins that explanation open under the row.
import { useState } from 'react';
import type { Explained } from '../../engine/results/explain';
import { formatInput, formatQuantity } from '../format/number';
import { useSession } from '../state/session';

export function Explanation({ figure }: { figure: Explained }) {
  return (
    <div className="explain" data-testid="explain">
      <div className="explain-formula">{figure.formula}</div>
      {figure.inputs.length > 0 && (
        <table>
          <tbody>
            {figure.inputs.map((input, i) => (
              <tr key={`${input.name}-${i}`}><td>{input.name}</td><td className="v">{formatInput(input.value, input.unit)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      {figure.source !== undefined && <div className="explain-source">{figure.source}</div>}
    </div>
  );
}

export function FigureRow({ path, label, figure, headline = false }: { path: string; label: string; figure: Explained; headline?: boolean }) {
  const pinned = useSession((s) => s.explained === path);
  const [hover, setHover] = useState(false);
  const q = formatQuantity(figure.value, figure.unit);
  const toggle = () => useSession.setState({ explained: pinned ? null : path });
  return (
    <>
      <div className={headline ? 'figure headline' : 'figure'} role="button" tabIndex={0} aria-expanded={pinned}
        data-testid="figure" data-figure={path} title={pinned ? undefined : figure.formula}
        onClick={toggle} onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggle(); } }}
        onMouseEnter={() => setHover(true)} onMouseLeave={() => setHover(false)}>
        <span className="figure-label">{label}</span>
        <span className="figure-value" data-testid="figure-value">{q.value}{q.unit !== '' && <span className="unit">{q.unit}</span>}</span>
      </div>
      {(pinned || hover) && <Explanation figure={figure} />}
    </>
  );
}
