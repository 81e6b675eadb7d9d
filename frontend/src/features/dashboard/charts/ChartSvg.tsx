// The frame every chart draws in: an SVG that scales with its container (viewBox), is an
// image to screen readers with the chart's words as its label, and uses the theme's font.
import { theme } from "antd";
import type { ReactNode } from "react";

type Props = {
  /** What the chart shows, in words (read by screen readers, and by tests). */
  label: string;
  testId?: string;
  width: number;
  height: number;
  children: ReactNode;
};

export function ChartSvg({ label, testId, width, height, children }: Props) {
  const { token } = theme.useToken();
  return (
    <svg
      role="img"
      aria-label={label}
      data-testid={testId}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ display: "block", maxWidth: width * 1.4, height: "auto" }}
      fontFamily={token.fontFamily}
    >
      {children}
    </svg>
  );
}
