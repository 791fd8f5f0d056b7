/**
 * A modal dialog as a reactive controller around a native `<dialog>`: `showModal()` makes the rest
 * of the page inert (the focus trap) and turns Escape into `cancel`; on close, focus goes back to
 * whatever opened it. A click on the backdrop closes it too. The host renders the `<dialog>`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { deepActiveElement } from './deep-active-element.js';

type Host = ReactiveControllerHost & HTMLElement;

export class ModalDialogController implements ReactiveController {
  private readonly host: Host;
  private readonly getDialog: () => HTMLDialogElement | null;
  private opener: HTMLElement | null = null;

  constructor(host: Host, getDialog: () => HTMLDialogElement | null) {
    this.host = host;
    this.getDialog = getDialog;
    host.addController(this);
  }

  get isOpen(): boolean {
    return this.getDialog()?.open ?? false;
  }

  show(): void {
    const dialog = this.getDialog();
    if (!dialog || dialog.open) return;
    const active = deepActiveElement();
    this.opener = active instanceof HTMLElement ? active : null;
    dialog.addEventListener('close', this.onClose, { once: true });
    dialog.addEventListener('click', this.onClick);
    dialog.showModal();
    this.host.requestUpdate();
  }

  close(returnValue?: string): void {
    const dialog = this.getDialog();
    if (dialog?.open) dialog.close(returnValue);
  }

  hostDisconnected(): void {
    this.opener = null;
    this.close();
  }

  private readonly onClose = (): void => {
    this.getDialog()?.removeEventListener('click', this.onClick);
    const opener = this.opener;
    this.opener = null;
    if (opener?.isConnected) opener.focus();
    this.host.requestUpdate();
  };

  /** A click whose target is the <dialog> itself landed on the backdrop (content sits in a child). */
  private readonly onClick = (event: MouseEvent): void => {
    const dialog = this.getDialog();
    if (!dialog || event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const inside =
      event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) this.close();
  };
}
