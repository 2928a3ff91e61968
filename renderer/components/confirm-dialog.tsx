import { useEffect, useRef, type ReactNode } from 'react';
import { restoreFocus } from './focus';

/**
 * A modal confirmation: says what will happen; Escape or Cancel closes it without acting.
 *
 * When it closes, focus goes back to the element that opened it, or to the page's heading when
 * that element is gone (a deleted item's button), never to `<body>`.
 */
export function ConfirmDialog(props: {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const opener = document.activeElement;
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // The dialog is unmounted, not closed, so the browser's own focus return never runs.
    return () => restoreFocus(opener);
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="confirm-title"
      onCancel={(event) => {
        event.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id="confirm-title">{props.title}</h2>
      <div className="dialog-body">{props.body}</div>
      <div className="dialog-actions">
        <button type="button" onClick={props.onCancel} disabled={props.busy}>
          {props.cancelLabel}
        </button>
        <button
          type="button"
          className={props.danger ? 'danger' : 'primary'}
          onClick={props.onConfirm}
          disabled={props.busy}
          autoFocus
        >
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
