// Entry of a snapshot worker thread: registers tsx (worker threads do not inherit the main
// thread's loader), then runs the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./snapshotWorkerMain.ts');
