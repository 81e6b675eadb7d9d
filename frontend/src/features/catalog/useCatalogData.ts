// Catalog queries for the catalog page: departments, and item search (latest request wins).
import { useEffect, useState } from "react";
import {
  api,
  toIpcError,
  type DepartmentInfo,
  type IpcError,
  type ItemSummary,
} from "../../lib/ipc";

/** Departments of the current catalog; reloaded when the catalog version changes. */
export function useDepartments(catalogVersion: string): DepartmentInfo[] {
  const [loaded, setLoaded] = useState<{ version: string; list: DepartmentInfo[] } | null>(null);
  useEffect(() => {
    let live = true;
    api.catalogDepartments().then(
      (list) => {
        if (live) setLoaded({ version: catalogVersion, list });
      },
      () => {
        if (live) setLoaded({ version: catalogVersion, list: [] });
      },
    );
    return () => {
      live = false;
    };
  }, [catalogVersion]);
  return loaded?.list ?? [];
}

export type SearchState = {
  items: ItemSummary[];
  loading: boolean;
  error: IpcError | null;
};

type Settled = { key: string; items: ItemSummary[]; error: IpcError | null };

/** Runs `api.catalogSearch` for the given (already debounced) query and department. */
export function useItemSearch(
  query: string,
  department: string | null,
  catalogVersion: string,
): SearchState {
  const key = JSON.stringify([query, department, catalogVersion]);
  const [settled, setSettled] = useState<Settled | null>(null);

  useEffect(() => {
    let live = true;
    api.catalogSearch({ query, department }).then(
      (items) => {
        if (live) setSettled({ key, items, error: null });
      },
      (e: unknown) => {
        if (live) setSettled({ key, items: [], error: toIpcError("catalog_search", e) });
      },
    );
    return () => {
      live = false;
    };
  }, [key, query, department]);

  return {
    // Keep showing the previous rows while the next result is on its way.
    items: settled?.items ?? [],
    loading: settled?.key !== key,
    error: settled?.key === key ? settled.error : null,
  };
}
