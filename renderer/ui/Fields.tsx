// Inspector fields. A field keeps its draft while the user types and commits on Enter or blur;
// Escape puts the document's value back. A number outside its range is shown as invalid with
// the reason and never reaches the document.
import { useEffect, useId, useState, type KeyboardEvent } from 'react';

interface FieldShell { label: string; testId?: string }

function keys(e: KeyboardEvent<HTMLInputElement>, revert: () => void): void {
  if (e.key === 'Enter') e.currentTarget.blur();
  if (e.key === 'Escape') { revert(); requestAnimationFrame(() => e.currentTarget?.blur()); }
}

export function TextField({ label, value, onCommit, testId, maxLength = 200 }: FieldShell & { value: string; onCommit: (v: string) => void; maxLength?: number }) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const trimmed = draft.trim();
  const error = trimmed === '' ? 'A name is required' : trimmed.length > maxLength ? `At most ${maxLength} characters` : null;
  const commit = () => { if (error === null && trimmed !== value) onCommit(trimmed); else if (error !== null) setDraft(value); };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className={error === null ? 'input' : 'input invalid'}>
        <input id={id} data-testid={testId} value={draft} onChange={(e) => setDraft(e.target.value)} onBlur={commit}
          onKeyDown={(e) => keys(e, () => setDraft(value))} spellCheck={false} />
      </div>
      {error !== null && <div className="field-error">{error}</div>}
    </div>
  );
}

interface NumberProps extends FieldShell {
  value: number | null;
  unit: string;
  min?: number;
  max?: number;
  /** Shown when value is null (e.g. "site default"). */
  placeholder?: string;
  /** Allow clearing the field back to null. */
  nullable?: boolean;
  digits?: number;
  onCommit: (v: number | null) => void;
}

export function NumberField({ label, value, unit, min, max, placeholder, nullable = false, digits = 2, onCommit, testId }: NumberProps) {
  const id = useId();
  const shown = value === null ? '' : String(Number(value.toFixed(digits)));
  const [draft, setDraft] = useState(shown);
  useEffect(() => setDraft(shown), [shown]);
  const text = draft.trim();
  const parsed = text === '' ? null : Number(text);
  let error: string | null = null;
  if (parsed === null) error = nullable ? null : 'A value is required';
  else if (!Number.isFinite(parsed)) error = 'Not a number';
  else if (min !== undefined && parsed < min) error = `At least ${min} ${unit}`;
  else if (max !== undefined && parsed > max) error = `At most ${max} ${unit}`;
  const commit = () => {
    if (error !== null) return;
    if (parsed !== value) onCommit(parsed);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className={error === null ? 'input' : 'input invalid'}>
        <input id={id} data-testid={testId} className="num" inputMode="decimal" value={draft} placeholder={placeholder}
          aria-invalid={error !== null} onChange={(e) => setDraft(e.target.value)} onBlur={commit}
          onKeyDown={(e) => keys(e, () => setDraft(shown))} spellCheck={false} />
        <span className="unit">{unit}</span>
      </div>
      {error !== null && <div className="field-error" role="alert">{error}</div>}
    </div>
  );
}

export function SelectField<T extends string>({ label, value, options, onCommit, testId }: FieldShell & { value: T; options: readonly { value: T; label: string }[]; onCommit: (v: T) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="input">
        <select id={id} data-testid={testId} value={value} onChange={(e) => onCommit(e.target.value as T)}>
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </div>
    </div>
  );
}

export function Readout({ label, value }: { label: string; value: string }) {
  return (
    <div className="field">
      <label>{label}</label>
      <span className="readout">{value}</span>
    </div>
  );
}
