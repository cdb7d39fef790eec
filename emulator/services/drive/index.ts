/** DriveApp fake (developers.google.com/apps-script/reference/drive). */
export { createDriveApp, type FakeDriveApp } from './driveapp';
export { ACCESS_DENIED, NOT_FOUND } from './item';
export { ITERATOR_END } from './iterators';
