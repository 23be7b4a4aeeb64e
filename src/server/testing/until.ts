// Waits for something another part (a second instance, a timer, a socket) makes true; fails the test after a while.
export async function until(condition: () => boolean, timeoutMs = 5_000, pollMs = 10): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
