// Orbit camera that frames the hall on load and on request (F, toolbar). The scene is modelled in
// hall coordinates (z up); the root group turns it into three's y-up, so hall (x, y, z) appears at
// three (x, z, -y). Framing works in three's space.
import { useEffect } from 'react';
import { OrbitControls } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { PerspectiveCamera, Vector3 } from 'three';
import type { Hall } from '../../engine/model/index';
import { useSession } from '../state/session';

/** Seen from the front-left corner, about 40 degrees above the floor: the racks' fronts show. */
/** What this rig needs of drei's OrbitControls (three-stdlib's class is not a direct dependency). */
interface Orbit { target: Vector3; update(): void }

const VIEW_DIRECTION = new Vector3(-0.45, 0.78, 0.85).normalize();

export function CameraRig({ hall }: { hall: Hall }) {
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls) as unknown as Orbit | null;
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);
  const fitRequest = useSession((s) => s.fitRequest);

  useEffect(() => {
    if (!(camera instanceof PerspectiveCamera)) return;
    const centre = new Vector3(hall.lengthM / 2, 0, -hall.widthM / 2);
    // Bounding sphere of the floor and a rack's height; distance so it fits the narrower field of view.
    const radius = Math.hypot(hall.lengthM, hall.widthM, 2.5) / 2;
    const vFov = (camera.fov * Math.PI) / 180;
    const hFov = 2 * Math.atan(Math.tan(vFov / 2) * (size.width / Math.max(1, size.height)));
    const distance = (radius / Math.sin(Math.min(vFov, hFov) / 2)) * 0.92;
    camera.position.copy(centre).addScaledVector(VIEW_DIRECTION, distance);
    camera.near = Math.max(0.05, distance / 500);
    camera.far = distance * 20;
    camera.updateProjectionMatrix();
    camera.lookAt(centre);
    if (controls !== null) {
      controls.target.copy(centre);
      controls.update();
    }
    invalidate();
    // Refit only when asked or when a different hall is loaded, not when the panel is resized.
  }, [fitRequest, hall.lengthM, hall.widthM, controls, camera]);

  return <OrbitControls makeDefault enableDamping={false} maxPolarAngle={Math.PI / 2 - 0.02} screenSpacePanning />;
}
