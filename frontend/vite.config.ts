// Vite + Vitest configuration for the Tauri frontend: relative asset paths, output to dist/.
import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

export default defineConfig({
  base: "./",
  plugins: [react()],
  clearScreen: false,
  server: { strictPort: true, port: 1420 },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2021",
    chunkSizeWarningLimit: 2000,
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    // antd's first render in jsdom is slow; keep slower CI machines from flaking.
    testTimeout: 30_000,
  },
});
