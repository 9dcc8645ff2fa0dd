/** Shortest reason for viewing recorded footage, exporting it or holding it: written to the audit trail (LEGAL R11). */
export const minFootageReasonLength = 5;

/** Shortest reason for pressing the analytics stop button or lifting it (LEGAL R22). */
export const minStopReasonLength = 3;

/** Longest reason any act accepts. */
export const maxReasonLength = 500;
