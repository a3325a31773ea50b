// Bundle the extension into one file: dist/extension.js (no source map in the package).
import { build } from "esbuild";

await build({
  entryPoints: ["src/extension.ts"],
  bundle: true,
  outfile: "dist/extension.js",
  platform: "node",
  target: "node18",
  format: "cjs",
  external: ["vscode"],
  minify: true,
  sourcemap: false,
  logLevel: "info",
});
