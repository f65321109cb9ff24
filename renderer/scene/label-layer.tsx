// Labels in the hall as plain DOM over the canvas, without a React root per label (drei's Html
// makes one each, and unmounting those inside the canvas's render races React): the scene
// publishes label specs, the HUD renders them once, and after each rendered frame the projector
// moves each element to its point's place on screen.
import { useLayoutEffect, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Vector3 } from 'three';
import { create } from 'zustand';

export interface LabelSpec {
  key: string;
  text: string;
  /** Second, quieter part of the text (a length, a unit). */
  sub?: string;
  /** Hall coordinates (x, y on the floor, z up), metres. */
  at: [number, number, number];
  className: string;
  testId: string;
}

const useLabelSpecs = create<{ groups: Record<string, LabelSpec[]> }>(() => ({ groups: {} }));
const elements = new Map<string, HTMLElement>();
const sizes = new WeakMap<HTMLElement, { text: string; w: number; h: number }>();
/** Which labels win a spot on screen first: what the user picked, then the drawing's dimensions. */
const PRIORITY: Record<string, number> = { selection: 0, dimensions: 1, rows: 2 };
/** Free pixels kept around each label. */
const GAP = 3;

/** Publish the labels of one source (rows, selection, dimensions); replaces its previous list. */
export function useLabels(group: string, labels: LabelSpec[]): void {
  useLayoutEffect(() => {
    useLabelSpecs.setState((s) => ({ groups: { ...s.groups, [group]: labels } }));
  }, [group, labels]);
  useLayoutEffect(() => () => useLabelSpecs.setState((s) => {
    const groups = { ...s.groups };
    delete groups[group];
    return { groups };
  }), [group]);
}

/** Inside the canvas: place every label element after the camera has moved. */
export function LabelProjector() {
  const camera = useThree((s) => s.camera);
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);
  const groups = useLabelSpecs((s) => s.groups);
  const v = useRef(new Vector3());
  // New labels need a frame to be placed.
  useLayoutEffect(() => invalidate(), [groups, invalidate]);
  useFrame(() => {
    camera.updateMatrixWorld();
    // Greedy decluttering: labels placed in priority order; one that would overlap a placed one
    // stays hidden, so 400 row names on a gigawatt hall thin out to what fits on screen.
    const placed: [number, number, number, number][] = [];
    const groups = useLabelSpecs.getState().groups;
    const order = Object.keys(groups).sort((a, b) => (PRIORITY[a] ?? 9) - (PRIORITY[b] ?? 9));
    for (const group of order) {
      for (const l of groups[group]!) {
        const el = elements.get(l.key);
        if (el === undefined) continue;
        // Hall (x, y, z) is three (x, z, -y).
        v.current.set(l.at[0], l.at[2], -l.at[1]).project(camera);
        let visible = v.current.z < 1 && Math.abs(v.current.x) < 1.2 && Math.abs(v.current.y) < 1.2;
        const x = ((v.current.x + 1) / 2) * size.width, y = ((1 - v.current.y) / 2) * size.height;
        if (visible) {
          el.style.display = '';
          // Measured once per label and text: reading offsetWidth every frame forces a layout.
          const text = `${l.text}${l.sub ?? ''}`;
          let box = sizes.get(el);
          if (box === undefined || box.text !== text) sizes.set(el, (box = { text, w: el.offsetWidth / 2 + GAP, h: el.offsetHeight / 2 + GAP }));
          const { w, h } = box;
          const rect: [number, number, number, number] = [x - w, y - h, x + w, y + h];
          visible = !placed.some((r) => rect[0] < r[2] && rect[2] > r[0] && rect[1] < r[3] && rect[3] > r[1]);
          if (visible) placed.push(rect);
        }
        el.style.display = visible ? '' : 'none';
        if (visible) el.style.transform = `translate(${x.toFixed(1)}px, ${y.toFixed(1)}px) translate(-50%, -50%)`;
      }
    }
  });
  return null;
}

/** Outside the canvas, over it: the label elements themselves. */
export function LabelLayer() {
  const groups = useLabelSpecs((s) => s.groups);
  return (
    <div className="label-layer" aria-hidden>
      {Object.values(groups).flat().map((l) => (
        <div key={l.key} className={l.className} data-testid={l.testId} style={{ display: 'none' }}
          ref={(el) => { if (el === null) elements.delete(l.key); else elements.set(l.key, el); }}>
          {l.text}{l.sub !== undefined && <span className="scene-label-dim">{l.sub}</span>}
        </div>
      ))}
    </div>
  );
}
