// Panel styles live in the shadow root. Pixels only: `rem` would follow the CRM page's root
// font size, and the host page's CSS must not be able to resize or hide the panel.
export const PANEL_CSS = `
:host { position: fixed !important; right: 16px !important; bottom: 16px !important; z-index: 2147483646 !important;
  display: block !important; visibility: visible !important; opacity: 1 !important; }
.lp { box-sizing: border-box; width: 340px; max-height: min(calc(100vh - 32px), 760px); overflow: auto; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1f2933; background: #ffffff; border: 1px solid #d5dbe3; border-radius: 10px; box-shadow: 0 8px 28px rgba(15, 23, 42, .18); }
.lp *, .lp *::before, .lp *::after { box-sizing: border-box; font-size: inherit; }
.lp button, .lp select { font: inherit; font-size: 13px; cursor: pointer; }
.lp-head { display: flex; align-items: center; gap: 8px; padding: 8px 10px; background: #0f3d5e; color: #fff; border-radius: 9px 9px 0 0; }
.lp-logo { font-weight: 700; font-size: 13px; letter-spacing: .3px; }
.lp-head .lp-spacer { flex: 1; }
.lp-icon-btn { background: transparent; border: 1px solid rgba(255,255,255,.4); color: #fff; border-radius: 6px; padding: 2px 8px; }
.lp-body { padding: 10px 12px 12px; display: grid; gap: 10px; }
.lp-name { font-size: 16px; font-weight: 650; margin: 0; word-break: break-word; }
.lp-row { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.lp-badge { display: inline-block; padding: 1px 8px; border-radius: 999px; background: #e6f0f8; color: #0f3d5e; font-size: 12px; font-weight: 600; }
.lp-muted { color: #5b6775; font-size: 12px; }
.lp-grid { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; font-size: 12px; }
.lp-grid dt { color: #5b6775; }
.lp-grid dd { margin: 0; font-weight: 600; }
.lp-age { font-size: 20px; font-weight: 700; color: #0f3d5e; }
.lp-section-title { font-size: 11px; text-transform: uppercase; letter-spacing: .6px; color: #5b6775; margin: 0 0 4px; font-weight: 700; }
.lp-attempts { list-style: none; margin: 0; padding: 0; display: grid; gap: 2px; font-size: 12px; }
.lp-attempts li { display: flex; gap: 6px; }
.lp-attempts .lp-when { color: #5b6775; margin-left: auto; }
.lp-primary { background: #0f7a4f; color: #fff; border: 0; border-radius: 7px; padding: 7px 12px; font-weight: 650; }
.lp-primary:disabled { opacity: .6; }
.lp-secondary { background: #fff; color: #0f3d5e; border: 1px solid #b8c4d1; border-radius: 7px; padding: 5px 10px; }
.lp-chips { display: flex; flex-wrap: wrap; gap: 4px; }
.lp-chip { background: #f2f5f8; border: 1px solid #cbd5e1; border-radius: 6px; padding: 4px 8px; font-size: 12px; color: #1f2933; }
.lp-chip[aria-pressed="true"] { background: #0f3d5e; border-color: #0f3d5e; color: #fff; }
.lp-outcome { background: #fff; border: 1px solid #0f7a4f; color: #0f5a3b; border-radius: 6px; padding: 5px 8px; font-size: 12px; }
.lp-warn { background: #fff7e6; border: 1px solid #f0c36d; color: #6b4500; border-radius: 7px; padding: 6px 8px; font-size: 12px; }
.lp-error { background: #fdecec; border: 1px solid #e8a1a1; color: #7a1c1c; border-radius: 7px; padding: 8px; font-size: 12px; }
.lp-notice { color: #0f5a3b; font-size: 12px; }
.lp-script ol { margin: 0; padding-left: 18px; display: grid; gap: 6px; font-size: 12px; }
.lp-script strong { display: block; font-size: 12px; }
.lp-blank { background: #fde68a; border-radius: 3px; padding: 0 4px; color: #6b4500; font-style: italic; }
.lp-value { font-weight: 600; }
.lp select { border: 1px solid #b8c4d1; border-radius: 6px; padding: 3px 6px; background: #fff; color: #1f2933; }
.lp-pill { background: #0f3d5e; color: #fff; border: 0; border-radius: 999px; padding: 8px 14px; font: 600 13px system-ui, sans-serif;
  box-shadow: 0 6px 18px rgba(15, 23, 42, .25); cursor: pointer; }
.lp-sla { border-left: 4px solid #94a3b8; padding: 6px 0 6px 10px; display: grid; gap: 4px; }
.lp-sla-new { border-color: #0f7a4f; } .lp-sla-due { border-color: #ef6c00; } .lp-sla-overdue { border-color: #c62828; background: #fff5f5; }
.lp-sla-waiting { border-color: #64748b; } .lp-sla-done { border-color: #0f3d5e; }
.lp-next { margin: 0; font-weight: 650; font-size: 13px; }
.lp-sla-overdue .lp-next { color: #b71c1c; } .lp-sla-due .lp-next { color: #9a4a00; } .lp-sla-new .lp-next { color: #0f5a3b; }
.lp-steps { list-style: none; margin: 0; padding: 0; display: flex; gap: 1px; flex-wrap: wrap; }
.lp-step { display: grid; justify-items: center; gap: 1px; min-width: 34px; font-size: 10px; color: #5b6775; white-space: nowrap; }
.lp-dot { width: 12px; height: 12px; border-radius: 50%; border: 2px solid #94a3b8; background: #fff; }
.lp-step-done .lp-dot { background: #0f7a4f; border-color: #0f7a4f; }
.lp-step-due .lp-dot, .lp-step-new .lp-dot { border-color: #ef6c00; background: #ffe0b2; }
.lp-step-overdue .lp-dot { border-color: #c62828; background: #ffcdd2; }
.lp-step-waiting .lp-dot { border-color: #0f3d5e; }
.lp-too-early { background: #fdecec; color: #7a1c1c; border-radius: 999px; padding: 1px 8px; font-size: 11px; font-weight: 650; }
details.lp-script summary { cursor: pointer; font-weight: 650; font-size: 12px; color: #0f3d5e; }
`;
