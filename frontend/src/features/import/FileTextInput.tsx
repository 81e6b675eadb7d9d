// A JSON file chooser: an antd button (labelled in the UI's language) that opens a visually
// hidden `<input type="file">`, and the chosen file's name. The input keeps its test id and
// stays in the page (not `display: none`), so WebDriver can still send a path to it.
import { Button, Space, Typography } from "antd";
import { useRef, useState, type CSSProperties, type ChangeEvent } from "react";
import { useT } from "../../lib/i18n";

type Props = {
  testId: string;
  /** Accessible label of the input (and the button's text). */
  label: string;
  disabled?: boolean;
  onFile: (file: File) => Promise<unknown>;
};

const VISUALLY_HIDDEN: CSSProperties = {
  position: "absolute",
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: "hidden",
  clip: "rect(0, 0, 0, 0)",
  whiteSpace: "nowrap",
  border: 0,
};

export function FileTextInput({ testId, label, disabled, onFile }: Props) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<string | null>(null);

  const onChange = async (e: ChangeEvent<HTMLInputElement>) => {
    const el = e.currentTarget;
    const file = el.files?.[0];
    if (!file) return;
    setChosen(file.name);
    await onFile(file);
    // Allow choosing the same file again after fixing it.
    el.value = "";
  };

  return (
    <Space style={{ padding: "6px 0", position: "relative" }} wrap>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        aria-label={label}
        data-testid={testId}
        disabled={disabled}
        tabIndex={-1}
        onChange={(e) => void onChange(e)}
        style={VISUALLY_HIDDEN}
      />
      <Button disabled={disabled} data-testid={`${testId}-button`} onClick={() => input.current?.click()}>
        {t("file.choose")}
      </Button>
      <Typography.Text type="secondary" data-testid={`${testId}-name`}>
        {chosen ?? t("file.none")}
      </Typography.Text>
    </Space>
  );
}
