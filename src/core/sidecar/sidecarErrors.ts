/** Errors the sidecar store raises for refused operations (besides file-system errors, which pass through). */

/** A refused operation, with a code callers can branch on and the problems to show. */
export class SidecarStoreError extends Error {
  constructor(
    readonly code: 'READ_ONLY' | 'LOAD_FAILED' | 'NOT_A_FILE' | 'PATH_REFUSED',
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(message);
  }
}
