import * as vscode from 'vscode';

/** A command as a small object: its id (as contributed in package.json) and what it does. */
export interface Command {
  readonly id: string;
  execute(...args: unknown[]): unknown;
}

/** Registers a list of commands; one Disposable for all of them. */
export function registerCommands(commands: readonly Command[]): vscode.Disposable {
  return vscode.Disposable.from(...commands.map((c) => vscode.commands.registerCommand(c.id, (...args: unknown[]) => c.execute(...args))));
}
