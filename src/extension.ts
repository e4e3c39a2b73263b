import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('marginalia.showVersion', () => {
      void vscode.window.showInformationMessage(`Marginalia ${String(context.extension.packageJSON.version)}`);
    }),
  );
}

export function deactivate(): void {}
