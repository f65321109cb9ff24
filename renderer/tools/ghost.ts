// The ghost preview of the active tool (racks about to be placed, an aisle being contained, a
// tray or link being drawn) as a few three.js objects added to the scene from outside: green
// where the spot is free, red where it is refused. Redrawn only when the preview changes.
import { BoxGeometry, BufferGeometry, Float32BufferAttribute, Group, Line, LineBasicMaterial, Mesh, MeshBasicMaterial, type Scene } from 'three';
import { useEditor, type Preview } from '../editor/state';

interface RootStore { getState(): { scene: Scene; invalidate: () => void } }

const OK = '#4cc38a';
const BAD = '#e5484d';
const unit = new BoxGeometry(1, 1, 1);

export class Ghost {
  private readonly group = new Group();
  private readonly okMat = new MeshBasicMaterial({ color: OK, transparent: true, opacity: 0.35, depthWrite: false });
  private readonly badMat = new MeshBasicMaterial({ color: BAD, transparent: true, opacity: 0.35, depthWrite: false });
  private readonly lineMat = new LineBasicMaterial({ color: '#f5c451' });
  private readonly unsubscribe: () => void;

  constructor(private readonly store: RootStore) {
    // Hall coordinates are z up; three's are y up (the scene turns its hall group the same way).
    this.group.rotation.x = -Math.PI / 2;
    this.group.name = 'editor-ghost';
    this.group.renderOrder = 10;
    store.getState().scene.add(this.group);
    this.unsubscribe = useEditor.subscribe((s, prev) => { if (s.preview !== prev.preview) this.draw(s.preview); });
    this.draw(useEditor.getState().preview);
  }

  private clear(): void {
    for (const child of [...this.group.children]) {
      this.group.remove(child);
      if (child instanceof Line) child.geometry.dispose();
    }
  }

  private draw(preview: Preview | null): void {
    this.clear();
    if (preview !== null) {
      const mat = preview.valid ? this.okMat : this.badMat;
      for (const b of preview.boxes) {
        const m = new Mesh(unit, mat);
        m.position.set((b.fp.minX + b.fp.maxX) / 2, (b.fp.minY + b.fp.maxY) / 2, b.z0 + b.h / 2);
        m.scale.set(b.fp.maxX - b.fp.minX, b.fp.maxY - b.fp.minY, b.h);
        this.group.add(m);
      }
      for (const r of preview.rects) {
        const m = new Mesh(unit, mat);
        m.position.set((r.fp.minX + r.fp.maxX) / 2, (r.fp.minY + r.fp.maxY) / 2, r.h / 2);
        m.scale.set(Math.max(0.01, r.fp.maxX - r.fp.minX), Math.max(0.01, r.fp.maxY - r.fp.minY), r.h);
        this.group.add(m);
      }
      for (const pts of preview.lines) {
        const g = new BufferGeometry();
        g.setAttribute('position', new Float32BufferAttribute(pts.flatMap((p) => [p.x, p.y, p.z]), 3));
        this.group.add(new Line(g, this.lineMat));
      }
    }
    this.store.getState().invalidate();
  }

  dispose(): void {
    this.unsubscribe();
    this.clear();
    this.group.removeFromParent();
    this.store.getState().invalidate();
  }
}
