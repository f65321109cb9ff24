// Child process for the crash test: saves two different projects to one path, alternately,
// until killed. Prints "saved" after each completed save.
import { demoHall, superpodHall } from '../../engine/generators/index.js';
import { writeProject } from '../../electron/project/index.js';
import { shippedCatalog } from './catalog.js';

const path = process.argv[2] as string;
const docs = [demoHall(shippedCatalog), superpodHall(shippedCatalog, 3)];
for (let i = 0; ; i++) {
  writeProject(path, docs[i % 2]!, 'crash-test');
  process.stdout.write('saved\n');
}
