export { ProjectFileService, sameFingerprint, type FileFingerprint, type OpenedProject, type SaveOptions } from './service.js';
export { ProjectFileError, type ProjectErrorKind } from './errors.js';
export { readProject } from './read.js';
export { writeProject } from './write.js';
export { APPLICATION_ID, SCHEMA_VERSION, FILE_EXTENSION } from './schema.js';
export { MIGRATIONS, migrate, type Migration } from './migrations.js';
