// The export worker from sources (tests, the preview run by tsx): tsx's loader is registered in
// this thread, then the TypeScript worker runs. The built app uses dist/electron/export-worker.cjs.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
