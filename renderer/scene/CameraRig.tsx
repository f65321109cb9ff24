// Cameras: an orbit camera in 3D and a top-down orthographic camera for the plan view, both
// framing the hall on load and on request (F), framing objects (fit to selection, a violation's
// objects) and going to saved views. The scene is modelled in hall coordinates (z up); the root
// group turns it into three's y-up, so hall (x, y, z) appears at three (x, z, -y).
import { useEffect, useRef } from 'react';
import { OrbitControls, OrthographicCamera } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { MOUSE, OrthographicCamera as OrthoCam, PerspectiveCamera, Vector3, type Camera } from 'three';
import type { ProjectDocument } from '../../engine/model/index';
import { useSession } from '../state/session';
import { boundsOf, type Box3Like } from './footprints';
import { setCameraReader, useView } from './view-state';

/** What this rig needs of drei's OrbitControls (three-stdlib's class is not a direct dependency). */
interface Orbit { target: Vector3; object: Camera; update(): void }

/** Seen from the front-left corner, about 40 degrees above the floor: the racks' fronts show. */
const VIEW_DIRECTION = new Vector3(-0.45, 0.78, 0.85).normalize();
/** A single rack framed alone would fill the screen; frame at least this much around it. */
const MIN_FRAME_M = 12;
/** Share of the viewport the framed box takes in plan, leaving room for the dimension lines. */
const PLAN_FILL = 0.82;
const PLAN_EYE_HEIGHT = 200;
const FRAME_MARGIN = 1.35;

const toThree = (p: readonly [number, number, number]) => new Vector3(p[0], p[2], -p[1]);
const toHall = (v: Vector3): [number, number, number] => [v.x, -v.z, v.y];

interface Size { width: number; height: number }

function fitBox(camera: Camera, controls: Orbit, box: Box3Like, size: Size, margin = 1): void {
  const lx = Math.max(MIN_FRAME_M, box.max[0] - box.min[0]);
  const ly = Math.max(MIN_FRAME_M, box.max[1] - box.min[1]);
  const lz = box.max[2] - box.min[2];
  const centre = toThree([(box.min[0] + box.max[0]) / 2, (box.min[1] + box.max[1]) / 2, 0]);
  if (camera instanceof OrthoCam) {
    camera.zoom = (Math.min(size.width / lx, size.height / ly) * PLAN_FILL) / margin;
    camera.position.set(centre.x, PLAN_EYE_HEIGHT, centre.z);
    camera.up.set(0, 0, -1);
    camera.lookAt(centre);
    camera.updateProjectionMatrix();
  } else if (camera instanceof PerspectiveCamera) {
    // Bounding sphere of the box; distance so it fits the narrower field of view.
    const radius = Math.hypot(lx, ly, lz) / 2;
    const vFov = (camera.fov * Math.PI) / 180;
    const hFov = 2 * Math.atan(Math.tan(vFov / 2) * (size.width / Math.max(1, size.height)));
    const distance = (radius / Math.sin(Math.min(vFov, hFov) / 2)) * 0.92 * margin;
    camera.up.set(0, 1, 0);
    camera.position.copy(centre).addScaledVector(VIEW_DIRECTION, distance);
    camera.near = Math.max(0.05, distance / 500);
    camera.far = Math.max(distance * 20, 2000);
    camera.updateProjectionMatrix();
    camera.lookAt(centre);
  }
  controls.target.copy(centre);
  controls.update();
}

function hallBox(doc: ProjectDocument): Box3Like {
  return { min: [0, 0, 0], max: [doc.hall.lengthM, doc.hall.widthM, 2.5] };
}

export function CameraRig({ doc }: { doc: ProjectDocument }) {
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls) as unknown as Orbit | null;
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);
  const fitRequest = useSession((s) => s.fitRequest);
  const projection = useView((s) => s.projection);
  const frame = useView((s) => s.frame);
  const goTo = useView((s) => s.goTo);
  const handled = useRef({ hallKey: '', frame: 0, goTo: 0 });
  const docRef = useRef(doc);
  docRef.current = doc;
  const plan = projection === 'plan';
  const { lengthM, widthM } = doc.hall;

  useEffect(() => {
    // Wait until the camera for this projection is the default one and the controls drive it.
    if (controls === null || controls.object !== camera || plan !== camera instanceof OrthoCam) return;
    const h = handled.current;
    const hallKey = `${fitRequest}|${lengthM}|${widthM}|${projection}`;
    if (goTo !== null && goTo.seq !== h.goTo) {
      h.goTo = goTo.seq;
      const target = toThree(goTo.view.target);
      if (camera instanceof OrthoCam) {
        // A saved plan view keeps its visible height as the eye's height above the target.
        const visible = Math.max(1, goTo.view.eye[2] - goTo.view.target[2]);
        camera.zoom = size.height / visible;
        camera.position.set(target.x, PLAN_EYE_HEIGHT, target.z);
        camera.up.set(0, 0, -1);
        camera.updateProjectionMatrix();
      } else {
        camera.up.set(0, 1, 0);
        camera.position.copy(toThree(goTo.view.eye));
      }
      camera.lookAt(target);
      controls.target.copy(target);
      controls.update();
    } else if (frame !== null && frame.seq !== h.frame) {
      h.frame = frame.seq;
      const box = boundsOf(docRef.current, frame.ids);
      // Framed objects keep some of their surroundings in view: the row, the aisle, the unit beside.
      if (box !== null) fitBox(camera, controls, box, size, FRAME_MARGIN);
    } else if (hallKey !== h.hallKey) {
      fitBox(camera, controls, hallBox(docRef.current), size);
    }
    h.hallKey = hallKey;
    invalidate();
    // Size is read, not watched: resizing the panel keeps the user's view.
  }, [fitRequest, lengthM, widthM, projection, plan, frame, goTo, controls, camera, invalidate]);

  useEffect(() => {
    setCameraReader(() => {
      const target = controls?.target ?? new Vector3();
      if (camera instanceof OrthoCam) {
        const t = toHall(target);
        return { projection: 'plan', target: t, eye: [t[0], t[1], t[2] + size.height / camera.zoom] };
      }
      return { projection: 'perspective', target: toHall(target), eye: toHall(camera.position) };
    });
    return () => setCameraReader(null);
  }, [camera, controls, size.height]);

  return (
    <>
      {plan && <OrthographicCamera makeDefault position={[lengthM / 2, PLAN_EYE_HEIGHT, -widthM / 2]} near={0.1} far={PLAN_EYE_HEIGHT * 4} />}
      <OrbitControls
        makeDefault
        enableDamping={false}
        enableRotate={!plan}
        maxPolarAngle={Math.PI / 2 - 0.02}
        screenSpacePanning
        mouseButtons={plan ? { LEFT: MOUSE.PAN, MIDDLE: MOUSE.DOLLY, RIGHT: MOUSE.PAN } : { LEFT: MOUSE.ROTATE, MIDDLE: MOUSE.DOLLY, RIGHT: MOUSE.PAN }}
      />
    </>
  );
}
