// The 3D viewport: an R3F canvas that renders on demand (STYLE.md) — after a document, view or
// results change, never in a loop. Marks the first frame that shows the hall for the start-up
// benchmark and the browser tests, and reports the draw-call count to the status bar.
import { useEffect, useRef } from 'react';
import { Canvas, useFrame, useThree } from '@react-three/fiber';
import type { ProjectDocument } from '../../engine/model/index';
import { useDocument } from '../state/document';
import { select, useSession } from '../state/session';
import { CameraRig } from './CameraRig';
import { Containments, HallFloor } from './HallFloor';
import { HallObjects } from './HallObjects';
import { ViewportHud } from './ViewportHud';
import { Dimensions } from './Dimensions';
import { Labels } from './Labels';
import { LabelLayer, LabelProjector } from './label-layer';
import { Trays } from './Trays';
import { useView } from './view-state';
import { Airflow } from '../overlays/Airflow';
import { Cables } from '../overlays/Cables';
import { HeatFloor } from '../overlays/HeatFloor';
import { ViolationMarkers } from '../overlays/ViolationMarkers';
import { ShaderWarmup } from '../overlays/warmup';
import { PresentationCamera } from '../presentation/PresentationCamera';

/** After each rendered frame: publish draw calls, and mark the first frame with the hall in it. */
function FrameProbe({ revision }: { revision: number }) {
  const gl = useThree((s) => s.gl);
  const marked = useRef(false);
  const frames = useRef(0);
  useFrame(() => {
    // useFrame runs before this frame's render; read the renderer's counters once it is done.
    requestAnimationFrame(() => {
      const calls = gl.info.render.calls;
      // Frame count and time: browser tests wait for "a frame after my click", the render
      // benchmark measures from an edit to the frame that shows it.
      frames.current++;
      gl.domElement.dataset.frame = String(frames.current);
      gl.domElement.dataset.frameAt = performance.now().toFixed(1);
      gl.domElement.dataset.triangles = String(gl.info.render.triangles);
      if (useSession.getState().drawCalls !== calls) useSession.setState({ drawCalls: calls });
      const canvas = gl.domElement;
      canvas.dataset.renderedRevision = String(revision);
      canvas.dataset.drawCalls = String(calls);
      if (!marked.current && calls > 0) {
        marked.current = true;
        performance.mark('hall-rendered');
        canvas.dataset.hallRendered = 'true';
        useSession.setState({ hallRendered: true });
      }
    });
  });
  return null;
}

/** The engine's overlays, shown only while their results belong to the document on screen. */
function Overlays({ doc }: { doc: ProjectDocument }) {
  const overlays = useSession((s) => s.overlays);
  const results = useSession((s) => s.engine.results);
  if (results === null) return null;
  // Field and per-object arrays of an older document (racks added or removed) would mislead.
  const current = results.rackInletC.length === doc.racks.length;
  return (
    <>
      {overlays.heat && current && <HeatFloor doc={doc} field={results.field} />}
      {overlays.airflow && current && <Airflow field={results.field} velocity={results.overlay.velocity} />}
      {overlays.violations && <ViolationMarkers doc={doc} violations={results.violations} />}
    </>
  );
}

function Scene({ doc, revision }: { doc: ProjectDocument; revision: number }) {
  const invalidate = useThree((s) => s.invalidate);
  const overlays = useSession((s) => s.overlays);
  // Only the fabric diagram, and only with the links overlay: the scene re-renders on results
  // only when they change what it draws (each re-render hands R3F new handlers, i.e. a new frame).
  const diagram = useSession((s) => (s.overlays.links ? s.engine.results?.overlay.diagram ?? null : null));
  const plan = useView((s) => s.projection) === 'plan';
  // Not on results: what they change on screen (tints, heat map, markers, cables) asks for its
  // own frame (R3F on changed props, the meshes' effects on changed buffers). Results that change
  // nothing drawn, as each engine stage of an edit usually does, would only queue a frame that a
  // software renderer takes a second over on a huge hall, ahead of the user's next edit.
  useEffect(() => invalidate(), [doc, overlays, plan, invalidate]);
  return (
    <>
      <color attach="background" args={['#0d0f12']} />
      <hemisphereLight args={['#dfe7f2', '#20242b', 1.1]} />
      <directionalLight position={[-30, 60, 40]} intensity={1.6} />
      <directionalLight position={[40, 30, -30]} intensity={0.35} />
      {/* Hall coordinates are z up; three is y up: turn the whole hall once, here. */}
      <group rotation={[-Math.PI / 2, 0, 0]}>
        <HallFloor doc={doc} />
        <HallObjects doc={doc} />
        <Trays doc={doc} />
        {overlays.containment && <Containments doc={doc} />}
        <Cables doc={doc} diagram={diagram} />
        <Overlays doc={doc} />
        <Labels doc={doc} plan={plan} />
        {plan && <Dimensions doc={doc} />}
      </group>
      <CameraRig doc={doc} />
      <PresentationCamera />
      <LabelProjector />
      <FrameProbe revision={revision} />
      <ShaderWarmup />
    </>
  );
}

export function Viewport() {
  const doc = useDocument((s) => s.doc);
  const revision = useDocument((s) => s.revision);
  return (
    <div className="app-viewport" data-testid="viewport">
      {doc !== null && (
        <Canvas
          frameloop="demand"
          dpr={[1, 2]}
          gl={{ antialias: true, preserveDrawingBuffer: true, powerPreference: 'high-performance' }}
          camera={{ fov: 40, position: [20, 30, 30], near: 0.1, far: 2000 }}
          onPointerMissed={(e) => { if (e.button === 0) select([]); }}
        >
          <Scene doc={doc} revision={revision} />
        </Canvas>
      )}
      <LabelLayer />
      <ViewportHud />
    </div>
  );
}
