// Inside the canvas: flies the camera to each slide (see tour.ts for the path) and lends the
// screenshot a render-then-read of the current frame. A plan slide is reached by flying the
// perspective camera straight down over what the plan will show, then handing over to the
// orthographic camera; leaving a plan slide does the reverse, so a projection change is one move.
import { useEffect, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { OrthographicCamera, PerspectiveCamera, Vector3 } from 'three';
import type { CameraView } from '../../engine/model/index';
import { goToView, readCamera } from '../scene/view-state';
import { FOV_DEG } from './slides';
import { markLanded, usePresentation } from './store';
import { currentSlide, interpolatePose, planVisibleM, topDownPose, type Pose } from './tour';

/** Long enough to follow where we went, short enough not to keep a room waiting. */
const FLIGHT_MS = 1400;

interface Orbit { target: Vector3; object: unknown; update(): void }

const toThree = (p: readonly number[]) => new Vector3(p[0], p[2], -p[1]!);
const toHall = (v: Vector3): [number, number, number] => [v.x, -v.z, v.y];

interface Flight { seq: number; to: Pose; from: Pose | null; t0: number; plan: CameraView | null; handedOver: boolean }

let grabber: (() => HTMLCanvasElement) | null = null;

/** The canvas with the current view freshly drawn into it: read it in the same task. */
export function grabFrame(): HTMLCanvasElement | null {
  return grabber === null ? null : grabber();
}

export function PresentationCamera() {
  const get = useThree((s) => s.get);
  const invalidate = useThree((s) => s.invalidate);
  const seq = usePresentation((s) => s.seq);
  const flight = useRef<Flight | null>(null);

  useEffect(() => {
    grabber = () => {
      const { gl, scene, camera } = get();
      // Drawing and reading in one task is correct with or without preserveDrawingBuffer.
      gl.render(scene, camera);
      return gl.domElement;
    };
    return () => { grabber = null; };
  }, [get]);

  useEffect(() => {
    const slide = currentSlide(usePresentation.getState().tour);
    if (slide === null) {
      flight.current = null;
      return;
    }
    const v = slide.view;
    const plan = v.projection === 'plan' ? { id: 'presentation', name: slide.title, ...v } : null;
    const to = plan !== null ? topDownPose(v.target, planVisibleM(v), FOV_DEG) : { eye: v.eye, target: v.target };
    flight.current = { seq, to, from: null, t0: 0, plan, handedOver: false };
    if (get().camera instanceof OrthographicCamera) {
      // Off the plan camera first: the same floor seen straight down in perspective.
      const now = readCamera();
      if (now !== null) goToView({ id: 'presentation', name: slide.title, projection: 'perspective', ...topDownPose(now.target, planVisibleM(now), FOV_DEG) });
    }
    invalidate();
  }, [seq, get, invalidate]);

  useFrame((state) => {
    const f = flight.current;
    if (f === null) return;
    const camera = state.camera;
    const controls = state.controls as unknown as Orbit | null;
    if (f.handedOver) {
      // Landed once the plan camera has taken over and drawn.
      if (camera instanceof OrthographicCamera) {
        flight.current = null;
        markLanded(f.seq);
      } else {
        invalidate();
      }
      return;
    }
    // Wait for the perspective camera and its controls (after a hand-over from the plan camera).
    if (!(camera instanceof PerspectiveCamera) || controls === null || controls.object !== camera) {
      invalidate();
      return;
    }
    const now = performance.now();
    if (f.from === null) {
      f.from = { eye: toHall(camera.position), target: toHall(controls.target) };
      f.t0 = now;
    }
    const t = (now - f.t0) / FLIGHT_MS;
    const pose = interpolatePose(f.from, f.to, t);
    const target = toThree(pose.target);
    camera.up.set(0, 1, 0);
    camera.position.copy(toThree(pose.eye));
    const distance = camera.position.distanceTo(target);
    camera.near = Math.max(0.05, distance / 500);
    camera.far = Math.max(distance * 20, 2000);
    camera.updateProjectionMatrix();
    camera.lookAt(target);
    controls.target.copy(target);
    controls.update();
    if (t < 1) {
      invalidate();
    } else if (f.plan !== null) {
      f.handedOver = true;
      goToView(f.plan);
      invalidate();
    } else {
      flight.current = null;
      // The landing frame is this one; mark after it is drawn.
      requestAnimationFrame(() => markLanded(f.seq));
    }
  });
  return null;
}
