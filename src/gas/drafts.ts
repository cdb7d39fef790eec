/**
 * Puts in the bin what an earlier run left half-made under `name` (the files of that name this
 * user owns, DriveApp.getFilesByName), so it is never mistaken for the real one: a run can stop
 * between making a file and recording it.
 */
export function binDrafts(name: string): void {
  const me = Session.getEffectiveUser().getEmail().toLowerCase();
  const found = DriveApp.getFilesByName(name);
  while (found.hasNext()) {
    const f = found.next();
    if (!f.isTrashed() && f.getOwner()?.getEmail().toLowerCase() === me) f.setTrashed(true);
  }
}
