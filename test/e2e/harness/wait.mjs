// Polling with a deadline: the only way this tier waits. The last observed value goes into the failure message so a
// timeout says what was seen instead of just "timed out".

/**
 * Calls probe until it returns a truthy value (returned) or the deadline passes (throws).
 * A probe that throws an Error whose `fatal` is true stops the wait at once.
 */
export async function waitFor(what, timeoutMs, probe, { intervalMs = 200, describe } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await probe();
      lastError = undefined;
      if (last) return last;
    } catch (error) {
      if (error?.fatal) throw error;
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const seen = describe ? await describe().catch((e) => `(could not describe: ${e})`) : last;
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}` +
          (lastError ? `; last error: ${lastError.message ?? lastError}` : '') +
          (seen !== undefined ? `; last seen: ${typeof seen === 'string' ? seen : JSON.stringify(seen)}` : ''),
      );
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
