// A fake backend for UI tests: each IPC command answered by a handler, the way Tauri's
// `invoke` resolves or rejects. Unknown commands reject like a missing Tauri command.
export type Handler = (req: never) => unknown;

export function fakeBackend(handlers: Record<string, Handler>) {
  return (command: string, args: { req: unknown }): Promise<unknown> => {
    const handler = handlers[command] as ((req: unknown) => unknown) | undefined;
    if (!handler) return Promise.reject(`unknown command ${command}`);
    try {
      return Promise.resolve(handler(args.req));
    } catch (e) {
      return Promise.reject(e);
    }
  };
}

/** An `ApiError` rejection as the backend sends it. */
export function apiError(code: string, message: string, fields: { field: string; message: string }[] = []) {
  return Promise.reject({ code, message, fields });
}
