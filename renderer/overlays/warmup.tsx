// Shader warm-up: the overlays' materials are compiled once the hall is on screen, so the first
// toggle of the heat map, airflow, cables or containment draws at once instead of stalling on a
// shader compile (about 1.4 s under SwiftShader). three keys its programs by material type and
// options, geometry features (instancing, instance colours, vertex colours) and the scene's
// lights, so a stand-in scene with the same kinds of objects, compiled against the real scene's
// lights, yields exactly the programs the overlays will ask for.
import { useEffect, useRef } from 'react';
import { useThree } from '@react-three/fiber';
import {
  BoxGeometry, BufferGeometry, Color, DataTexture, Float32BufferAttribute, InstancedMesh, LineBasicMaterial, LineSegments,
  Mesh, MeshBasicMaterial, MeshLambertMaterial, PlaneGeometry, RGBAFormat, Scene, UnsignedByteType,
} from 'three';
import { useSession } from '../state/session';

/** One object per overlay program: same material options as HeatFloor, Airflow, Cables, Containments. */
export function warmupScene(): Scene {
  const scene = new Scene();
  const texture = new DataTexture(new Uint8Array(4), 1, 1, RGBAFormat, UnsignedByteType);
  texture.needsUpdate = true;
  // HeatFloor: a textured, see-through plane.
  scene.add(new Mesh(new PlaneGeometry(1, 1), new MeshBasicMaterial({ map: texture, transparent: true, opacity: 0.72, depthWrite: false, toneMapped: false })));
  // Airflow: instanced arrows with a colour per instance.
  const arrows = new InstancedMesh(new BoxGeometry(), new MeshBasicMaterial({ toneMapped: false }), 1);
  arrows.setColorAt(0, new Color());
  scene.add(arrows);
  // Cables: vertex-coloured lines, opaque (own links) and see-through (fabric).
  const lines = new BufferGeometry();
  lines.setAttribute('position', new Float32BufferAttribute([0, 0, 0, 1, 0, 0], 3));
  lines.setAttribute('color', new Float32BufferAttribute([1, 1, 1, 1, 1, 1], 3));
  scene.add(new LineSegments(lines, new LineBasicMaterial({ vertexColors: true })));
  scene.add(new LineSegments(lines, new LineBasicMaterial({ vertexColors: true, transparent: true, opacity: 0.7 })));
  // Containment: see-through instanced boxes with instance colours (InstancedBoxes, opacity < 1).
  const panels = new InstancedMesh(new BoxGeometry(), new MeshLambertMaterial({ transparent: true, opacity: 0.3, depthWrite: false }), 1);
  panels.setColorAt(0, new Color());
  scene.add(panels);
  return scene;
}

/** Compiles the overlay programs once, after the first frame with the hall in it. */
export function ShaderWarmup() {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const camera = useThree((s) => s.camera);
  const hallRendered = useSession((s) => s.hallRendered);
  const done = useRef(false);
  useEffect(() => {
    if (!hallRendered || done.current) return;
    done.current = true;
    // compileAsync lets the driver link in parallel where it can (KHR_parallel_shader_compile).
    // The stand-ins are never disposed: three releases a program when the last material using
    // it is disposed, and these keep the programs cached until an overlay takes them over.
    gl.compileAsync(warmupScene(), camera, scene).catch(() => undefined);
  }, [hallRendered, gl, camera, scene]);
  return null;
}
