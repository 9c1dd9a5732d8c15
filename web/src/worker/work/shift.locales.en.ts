/** English words of shift.locales.ts, fetched only by those who read English (shared/i18n.ts). */
import type { Words } from "./shift.locales.ts";

export const en: Words = {
  title: "Check in",
  notFound: "This shift was not found; it may have been cancelled.",
  checkIn: "Check in",
  checkInHint: "Tap when you are at the workplace; the phone's location confirms it.",
  checkOut: "Check out",
  checkOutHint: "Tap when the work is done; your hours are counted for you.",
  onShift: "Checked in at {{time}}; you are on shift",
  checkOutConfirmTitle: "Check out now?",
  workedSoFar:
    "You have worked {{h}} h {{m}} min since {{from}}. Once you check out you cannot check in again.",
  checkOutBeforeStart:
    "The shift has not started yet ({{time}}); time before the start is not counted. Check out anyway?",
  checkOutConfirm: "Check out",
  keepWorking: "Keep working",
  checkedInAt: "Checked in at {{time}}",
  checkedOutAt: "Checked out at {{time}}; waiting for the employer to approve hours and pay.",
  doneTitle: "Well done today",
  locationFailed: "Could not get your location. Ask the employer for the check-in code and enter it.",
  useCodeInstead:
    "Checking in by location did not work. Ask the employer for the check-in code and enter it.",
  askForCode: "Ask the employer on site for the check-in code.",
  haveCode: "Check in with a code",
  code: "Check-in code",
  codePlaceholder: "The number the employer gives you",
  checkInWithCode: "Check in with the code",
  confirmFirst: "Confirm you will be there under “My work” first, then check in.",
  backToWork: "Back to my work",
};
