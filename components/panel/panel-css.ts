// Panel styles live in the shadow root. Pixels only: `rem` would follow the CRM page's root
// font size, and the host page's CSS must not be able to resize or hide the panel.
// Sizes: never more than a third of the viewport either way, so the CRM (its notes, its own
// right-hand drawer) stays readable; what does not fit scrolls inside the panel. Text is 12 px
// or more; borders that show a control or a state have at least 3:1 contrast.
export const PANEL_CSS = `
:host { position: fixed !important; right: 16px !important; bottom: 16px !important; z-index: 2147483646 !important;
  display: block !important; visibility: visible !important; opacity: 1 !important; }
.lp { box-sizing: border-box; width: min(340px, calc(100vw / 3)); max-height: calc(100vh / 3); display: flex; flex-direction: column; overflow: hidden;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1f2933; background: #ffffff; border: 1px solid #64748b; border-radius: 10px; box-shadow: 0 8px 28px rgba(15, 23, 42, .18); }
.lp.lp-open { width: min(420px, calc(100vw / 3)); }
.lp:focus { outline: none; }
.lp:focus-visible, .lp[data-shortcut-focus]:focus { outline: 3px solid #c86000; outline-offset: 1px; }
.lp *, .lp *::before, .lp *::after { box-sizing: border-box; font-size: inherit; }
.lp button, .lp select { font: inherit; font-size: 13px; cursor: pointer; }
.lp :focus-visible { outline: 2px solid #c86000; outline-offset: 1px; }
.lp [hidden] { display: none !important; }
.lp-head { flex: none; display: flex; align-items: center; gap: 6px; padding: 6px 8px 6px 6px; background: #0f3d5e; color: #fff; border-radius: 9px 9px 0 0;
  cursor: grab; user-select: none; -webkit-user-select: none; touch-action: none; }
.lp-head:active { cursor: grabbing; }
.lp-grip { background: transparent; border: 0; color: #fff; font-size: 14px !important; line-height: 1; padding: 2px 4px; border-radius: 4px; cursor: grab; }
.lp-logo { font-weight: 700; font-size: 13px; letter-spacing: .3px; }
.lp-spacer { flex: 1; }
.lp-icon-btn { background: transparent; border: 1px solid rgba(255,255,255,.7); color: #fff; border-radius: 6px; padding: 1px 8px; font-size: 12px !important; }
.lp-icon-btn[aria-expanded="true"] { background: #fff; color: #0f3d5e; }
.lp-head :focus-visible { outline-color: #ffd08a; }
.lp-body { position: relative; flex: 1 1 auto; min-height: 0; overflow: auto; overscroll-behavior: contain; padding: 8px 10px 10px; display: grid; gap: 8px; align-content: start; }
.lp-who { flex-wrap: nowrap; }
.lp-name { font-size: 15px; font-weight: 650; margin: 0; flex: 0 1 auto; min-width: 4em; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.lp-vehicle { flex: 1 1 0; min-width: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.lp-row { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.lp-badge { flex: none; display: inline-block; padding: 1px 8px; border-radius: 999px; background: #e6f0f8; color: #0f3d5e; font-size: 12px; font-weight: 600; }
.lp-muted { color: #5b6775; font-size: 12px; }
.lp-count { color: #1f2933; font-weight: 700; font-size: 13px; }
.lp-age { font-size: 18px; font-weight: 700; color: #0f3d5e; line-height: 1.2; }
.lp-section-title { font-size: 12px; text-transform: uppercase; letter-spacing: .5px; color: #5b6775; margin: 0 0 4px; font-weight: 700; }
.lp-attempts { list-style: none; margin: 0; padding: 0; display: grid; gap: 2px; font-size: 12px; }
.lp-attempts li { display: flex; gap: 6px; }
.lp-attempts .lp-when { color: #5b6775; margin-left: auto; }
.lp-actions { gap: 6px; }
.lp-primary { background: #0f7a4f; color: #fff; border: 0; border-radius: 7px; padding: 6px 12px; font-weight: 650; }
.lp-primary:disabled { opacity: .6; }
.lp-secondary { background: #fff; color: #0f3d5e; border: 1px solid #7b8794; border-radius: 7px; padding: 5px 10px; }
.lp-logger { flex-basis: 100%; display: grid; gap: 6px; }
/* A folded section stays in the DOM (its text, the script id) but draws nothing, not even a gap. */
.lp-body > [data-open="false"] { display: none; }
.lp-cancel { justify-self: start; }
.lp-chips { display: flex; flex-wrap: wrap; gap: 4px; }
.lp-chip { background: #f2f5f8; border: 1px solid #7b8794; border-radius: 6px; padding: 4px 8px; font-size: 12px !important; color: #1f2933; }
.lp-chip[aria-pressed="true"] { background: #0f3d5e; border-color: #0f3d5e; color: #fff; }
.lp-outcome { background: #fff; border: 1px solid #0f7a4f; color: #0f5a3b; border-radius: 6px; padding: 5px 8px; font-size: 12px !important; }
.lp-warn { background: #fff7e6; border: 1px solid #b07400; color: #6b4500; border-radius: 7px; padding: 6px 8px; font-size: 12px; margin: 0; }
.lp-error { background: #fdecec; border: 1px solid #c62828; color: #7a1c1c; border-radius: 7px; padding: 8px; font-size: 12px; }
.lp-notice { color: #0f5a3b; font-size: 12px; margin: 0; }
.lp-zone { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px; }
.lp-link { background: none; border: 0; padding: 0; color: #0b4f8a; text-decoration: underline; font-size: 12px; cursor: pointer; }
.lp-zone-dismiss { margin-left: auto; background: none; border: 0; padding: 0 4px; color: inherit; font-size: 14px; line-height: 1; cursor: pointer; }
.lp-details { display: grid; gap: 6px; border-top: 1px solid #d5dbe3; padding-top: 8px; }
.lp-script-body { border-top: 1px solid #d5dbe3; padding-top: 8px; }
.lp-script ol { margin: 0; padding-left: 18px; display: grid; gap: 6px; font-size: 12px; }
.lp-script strong { display: block; font-size: 12px; }
.lp-blank { background: #fde68a; border-radius: 3px; padding: 0 4px; color: #6b4500; font-style: italic; }
.lp-value { font-weight: 600; }
.lp-blank-link { border: 0; font: inherit; text-decoration: underline; cursor: pointer; }
.lp-script-lang { display: flex; gap: 4px; }
.lp-script-lang .lp-chip { padding: 0 6px; font-weight: 400; }
.lp-script-lang .lp-chip[aria-pressed="true"] { font-weight: 700; }
.lp-script-cards { border: 1px solid #e1e6ec; border-radius: 8px; padding: 6px 8px; margin-top: 8px; font-size: 12px; display: grid; gap: 4px; }
.lp-flush { margin: 0; }
.lp-error-action { margin-top: 6px; }
.lp-warn-line { flex-basis: 100%; }
.lp-note { display: grid; gap: 4px; }
.lp-note textarea { font: inherit; font-size: 12px; border: 1px solid #b8c4d1; border-radius: 6px; padding: 6px; resize: vertical; }
.lp select { border: 1px solid #7b8794; border-radius: 6px; padding: 3px 6px; background: #fff; color: #1f2933; }
.lp textarea { border-color: #7b8794 !important; }
.lp-pill { background: #0f3d5e; color: #fff; border: 0; border-radius: 999px; padding: 8px 14px; font: 600 13px system-ui, sans-serif;
  box-shadow: 0 6px 18px rgba(15, 23, 42, .25); cursor: pointer; }
.lp-pill:focus-visible { outline: 3px solid #c86000; outline-offset: 2px; }
.lp-sla { border-left: 4px solid #64748b; padding: 4px 0 4px 8px; display: grid; gap: 4px; }
.lp-sla-head { align-items: baseline; gap: 4px 10px; }
.lp-sla-new { border-color: #0f7a4f; } .lp-sla-due { border-color: #c86000; } .lp-sla-overdue { border-color: #c62828; background: #fff5f5; }
.lp-sla-waiting { border-color: #64748b; } .lp-sla-done { border-color: #0f3d5e; }
.lp-next { margin: 0; font-weight: 650; font-size: 13px; flex: 1 1 160px; }
.lp-sla-overdue .lp-next { color: #b71c1c; } .lp-sla-due .lp-next { color: #9a4a00; } .lp-sla-new .lp-next { color: #0f5a3b; }
.lp-steps { list-style: none; margin: 0; padding: 0; display: flex; gap: 2px; flex-wrap: wrap; }
.lp-step { display: grid; justify-items: center; gap: 1px; min-width: 38px; padding: 0 2px; font-size: 12px; line-height: 1.2; color: #5b6775; white-space: nowrap; }
/* Compact: the dots alone (labels stay for screen readers and in each dot's tooltip). */
.lp:not(.lp-open) .lp-step { min-width: 20px; }
.lp:not(.lp-open) .lp-step-label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.lp-dot { width: 12px; height: 12px; border-radius: 50%; border: 2px solid #64748b; background: #fff; }
.lp-step-done .lp-dot { background: #0f7a4f; border-color: #0f7a4f; }
.lp-step-due .lp-dot, .lp-step-new .lp-dot { border-color: #c86000; background: #ffe0b2; }
.lp-step-overdue .lp-dot { border-color: #c62828; background: #ffcdd2; }
.lp-step-waiting .lp-dot { border-color: #0f3d5e; }
.lp-too-early { background: #fdecec; color: #7a1c1c; border-radius: 999px; padding: 1px 8px; font-size: 12px; font-weight: 650; }
`;
