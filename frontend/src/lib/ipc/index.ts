// Public face of the IPC layer: the typed `api`, its types, and `IpcError`.
export { api } from "./bindings";
export type * from "./bindings";
export { IpcError, onIpcError, onIpcSuccess, toIpcError } from "./call";
export type { IpcErrorCode } from "./call";
