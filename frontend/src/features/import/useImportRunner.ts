// State for one import action (busy / success notice / failure), shared by welcome and settings.
import { useCallback, useState } from "react";
import { IpcError } from "../../lib/ipc";
import { errorTitleKey } from "../../lib/format/errors";
import { useT } from "../../lib/i18n";

export type ImportFailure = {
  title: string;
  /** The backend's message verbatim (already in the clerk's language; may span lines). */
  message: string;
};

export type ImportRunner = {
  busy: boolean;
  notice: string | null;
  failure: ImportFailure | null;
  /** Runs `task`; its resolved string becomes the success notice and is returned (`null` on failure). */
  run: (task: () => Promise<string>) => Promise<string | null>;
};

export function useImportRunner(): ImportRunner {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<ImportFailure | null>(null);

  const run = useCallback(
    async (task: () => Promise<string>) => {
      setBusy(true);
      setNotice(null);
      setFailure(null);
      try {
        const text = await task();
        setNotice(text);
        return text;
      } catch (e) {
        setFailure(
          e instanceof IpcError
            ? { title: t(errorTitleKey(e.code)), message: e.message }
            : { title: t("error.file_unreadable"), message: e instanceof Error ? e.message : String(e) },
        );
        return null;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );

  return { busy, notice, failure, run };
}
