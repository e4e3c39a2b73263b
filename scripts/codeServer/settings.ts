/**
 * User settings for a throwaway code-server profile: a quiet, deterministic workbench (no trust prompt,
 * no welcome page, tips, telemetry, updates or recommendations). From ../shared/docs/real-vscode-offline.md.
 */
export const QUIET_USER_SETTINGS: Readonly<Record<string, unknown>> = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'editor.hover.delay': 100,
  'window.restoreWindows': 'none',
};

/** Over {@link QUIET_USER_SETTINGS} for a workbench in Restricted Mode: trust on, no prompt, nothing trusted. */
export const RESTRICTED_SETTINGS: Readonly<Record<string, unknown>> = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.emptyWindow': false,
};
