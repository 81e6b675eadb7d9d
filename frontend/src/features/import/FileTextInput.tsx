// A plain, visible JSON file input (WebDriver can send a path to it) that hands over the File.
import type { ChangeEvent } from "react";

type Props = {
  testId: string;
  /** Accessible label of the input. */
  label: string;
  disabled?: boolean;
  onFile: (file: File) => Promise<unknown>;
};

export function FileTextInput({ testId, label, disabled, onFile }: Props) {
  const onChange = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    await onFile(file);
    // Allow choosing the same file again after fixing it.
    input.value = "";
  };
  return (
    <input
      type="file"
      accept=".json,application/json"
      aria-label={label}
      data-testid={testId}
      disabled={disabled}
      onChange={(e) => void onChange(e)}
      style={{ display: "block", maxWidth: "100%", padding: "6px 0" }}
    />
  );
}
