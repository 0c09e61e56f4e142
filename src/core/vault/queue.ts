/** One write at a time per store inside this process: later writes wait for earlier ones. */
const tails = new WeakMap<object, Promise<unknown>>();

export function serialize<T>(lock: object, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(lock) ?? Promise.resolve();
  const run = previous.then(task, task);
  // The queue continues whether this task succeeds or fails.
  tails.set(
    lock,
    run.then(
      () => undefined,
      () => undefined,
    ),
  );
  return run;
}
