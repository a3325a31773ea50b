// The VS Code side of copydesk: find the server, start it over stdio, pass settings,
// and offer three commands. Everything decidable without VS Code lives in the pure modules
// (serverPath, settings, checkJson) and is tested there.
import * as path from "node:path";
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

import { resolveServer, nodeProbe, describeResolution, Resolution } from "./serverPath";
import { toServerSettings } from "./settings";
import { parseCheckReport, Problem } from "./checkJson";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let problems: vscode.DiagnosticCollection;

const SEVERITY: Record<Problem["severity"], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

function section(scope?: vscode.ConfigurationScope): unknown {
  // A plain copy: WorkspaceConfiguration is a proxy with methods on it.
  return JSON.parse(JSON.stringify(vscode.workspace.getConfiguration("copydesk", scope)));
}

async function findServer(context: vscode.ExtensionContext): Promise<Resolution> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  return resolveServer(
    {
      configured: vscode.workspace.getConfiguration("copydesk").get<string>("server.path"),
      extensionPath: context.extensionPath,
      workspaceFolder: folder,
      platform: process.platform,
      envPath: process.env.PATH,
    },
    nodeProbe,
  );
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const found = await findServer(context);
  for (const line of describeResolution(found)) output.appendLine(line);
  if (!found.ok) {
    const choice = await vscode.window.showErrorMessage(found.message, "Open Settings", "Show Output");
    if (choice === "Open Settings") {
      await vscode.commands.executeCommand("workbench.action.openSettings", "copydesk.server.path");
    } else if (choice === "Show Output") {
      output.show();
    }
    return;
  }

  const run = { command: found.path, args: ["server"], transport: TransportKind.stdio };
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "file", language: "plaintext" },
      { scheme: "untitled", language: "markdown" },
      { scheme: "untitled", language: "plaintext" },
    ],
    outputChannel: output,
    initializationOptions: toServerSettings(section()),
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher("**/{copydesk.toml,.copydesk.toml}"),
    },
    middleware: {
      workspace: {
        // The server asks for the `copydesk` section; answer with the same mapping as
        // initializationOptions so both paths agree.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((value, i) =>
            params.items[i]?.section === "copydesk" ? toServerSettings(value) : value,
          );
        },
      },
    },
  };
  client = new LanguageClient("copydesk", "copydesk", serverOptions, clientOptions);
  await client.start();
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}

function runCheck(binary: string, cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // Exit 1 means "findings" and still prints the report; 2 is an error.
    execFile(
      binary,
      ["check", "--format", "json", "."],
      { cwd, maxBuffer: 256 * 1024 * 1024, windowsHide: true },
      (err, stdout, stderr) => {
        const code = err && typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : 0;
        if (err && code !== 1 && stdout.length === 0) {
          reject(new Error(String(stderr).trim() || err.message));
        } else {
          resolve(String(stdout));
        }
      },
    );
  });
}

async function checkWorkspace(context: vscode.ExtensionContext): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showInformationMessage("copydesk: open a folder to check the workspace.");
    return;
  }
  const found = await findServer(context);
  if (!found.ok) {
    void vscode.window.showErrorMessage(found.message);
    return;
  }
  problems.clear();
  let total = 0;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: "copydesk: checking the workspace" },
    async () => {
      for (const folder of folders) {
        const cwd = folder.uri.fsPath;
        let json: string;
        try {
          json = await runCheck(found.path, cwd);
        } catch (e) {
          output.appendLine(`[copydesk] check failed in ${cwd}: ${(e as Error).message}`);
          void vscode.window.showErrorMessage(`copydesk check failed in ${folder.name}: ${(e as Error).message}`);
          continue;
        }
        const files = parseCheckReport(json, (p) => {
          try {
            return readFileSync(path.resolve(cwd, p));
          } catch {
            return undefined;
          }
        });
        for (const f of files) {
          if (f.error) output.appendLine(`[copydesk] ${f.path}: ${f.error}`);
          const uri = vscode.Uri.file(path.resolve(cwd, f.path));
          const diags = f.problems.map((p) => {
            const d = new vscode.Diagnostic(
              new vscode.Range(p.start.line, p.start.character, p.end.line, p.end.character),
              p.message,
              SEVERITY[p.severity],
            );
            d.source = "copydesk";
            d.code = p.rule;
            return d;
          });
          total += diags.length;
          if (diags.length > 0) problems.set(uri, diags);
        }
      }
    },
  );
  output.appendLine(`[copydesk] workspace check: ${total} finding(s)`);
  if (total > 0) await vscode.commands.executeCommand("workbench.actions.view.problems");
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("copydesk");
  problems = vscode.languages.createDiagnosticCollection("copydesk-workspace");
  context.subscriptions.push(
    output,
    problems,
    vscode.commands.registerCommand("copydesk.restartServer", async () => {
      await stopClient();
      await startClient(context);
    }),
    vscode.commands.registerCommand("copydesk.showOutput", () => output.show()),
    vscode.commands.registerCommand("copydesk.checkWorkspace", () => checkWorkspace(context)),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration("copydesk.server.path")) {
        await stopClient();
        await startClient(context);
      }
    }),
  );
  await startClient(context);
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
