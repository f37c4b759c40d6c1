// Picker styles live in its shadow root; pixels only, so the CRM's root font size cannot
// resize it (same rule as the panel).
export const PICKER_CSS = `
:host { all: initial; }
.pk { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2933; }
.pk *, .pk *::before, .pk *::after { box-sizing: border-box; font-size: inherit; }
.pk-box { position: fixed; pointer-events: none; z-index: 2147483646; outline: 2px solid #e8590c; background: rgba(232, 89, 12, .12); border-radius: 2px; }
.pk-card { position: fixed; top: 12px; right: 12px; z-index: 2147483647; width: 360px; max-height: calc(100vh - 24px); overflow: auto;
  background: #fff; border: 1px solid #d5dbe3; border-radius: 10px; box-shadow: 0 8px 28px rgba(15, 23, 42, .22); padding: 10px 12px; display: grid; gap: 8px; }
.pk-head { display: flex; align-items: center; justify-content: space-between; color: #0f3d5e; font-size: 14px; }
.pk-close { border: 0; background: transparent; font-size: 18px; cursor: pointer; color: #5b6775; }
.pk-muted { color: #5b6775; font-size: 12px; margin: 0; }
.pk-label { display: grid; gap: 2px; font-size: 12px; color: #5b6775; }
.pk-label input, .pk-pattern { font: inherit; padding: 4px 6px; border: 1px solid #b8c4d1; border-radius: 6px; color: #1f2933; }
.pk-pattern { width: 150px; margin-left: 6px; font-family: ui-monospace, monospace; font-size: 12px; }
.pk-pattern[aria-invalid="true"] { border-color: #c0392b; }
.pk-fields { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
.pk-fields li { border: 1px solid #e5e9ef; border-radius: 7px; padding: 6px 8px; display: grid; gap: 4px; }
.pk-row { display: flex; align-items: center; gap: 8px; justify-content: space-between; }
.pk-field { font-weight: 600; }
.pk-btn { font: inherit; font-size: 12px; background: #fff; color: #0f3d5e; border: 1px solid #b8c4d1; border-radius: 6px; padding: 3px 10px; cursor: pointer; }
.pk-btn:disabled { opacity: .5; cursor: default; }
.pk-active { background: #e8590c; border-color: #e8590c; color: #fff; }
.pk-primary { font: inherit; background: #0f7a4f; color: #fff; border: 0; border-radius: 7px; padding: 6px 14px; font-weight: 650; cursor: pointer; }
.pk-primary:disabled { opacity: .5; cursor: default; }
.pk-candidates { display: grid; gap: 2px; }
.pk-candidate { display: grid; grid-template-columns: auto 1fr auto; gap: 6px; align-items: center; font-size: 11px; }
.pk-candidate code { font-family: ui-monospace, monospace; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.pk-count { color: #0f5a3b; white-space: nowrap; }
.pk-warn { color: #9a4a00; }
.pk-inline { display: flex; align-items: center; gap: 4px; font-size: 12px; }
.pk-test { background: #f5f8fb; border-radius: 7px; padding: 6px 8px; }
.pk-test dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 4px 0 0; font-size: 12px; }
.pk-test dt { color: #5b6775; }
.pk-test dd { margin: 0; font-weight: 600; word-break: break-word; }
.pk-ok { color: #0f5a3b; margin: 0; }
.pk-error { color: #7a1c1c; background: #fdecec; border-radius: 6px; padding: 6px; margin: 0; }
`;
