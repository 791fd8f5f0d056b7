// PLACEHOLDER until the <customer-collaborators> element lands
/**
 * A stand-in with the agreed API (customerId, backend, strings, now) so the console's customer page
 * can be built and tested before the real element is merged: the team's names as a plain list.
 */
import { LitElement, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { Backend } from '../../src/backend/backend.js';
import type { Collaborator } from '../../src/model/schemas.js';
import { BackendController } from '../shared/backend-controller.js';
import { StringsController, type StringsOverride } from '../shared/strings-controller.js';

export interface CollaboratorsStrings {
  loading: string;
}
export const DEFAULT_COLLABORATORS_STRINGS: CollaboratorsStrings = { loading: 'Loading team…' };

export class CustomerCollaborators extends LitElement {
  private readonly backendSource = new BackendController(this);
  private readonly text = new StringsController(this, DEFAULT_COLLABORATORS_STRINGS);
  private readonly team = new Task(this, {
    args: () => [this.backendSource.value, this.customerId] as const,
    task: async ([backend, id], { signal }): Promise<Collaborator[]> => (backend && id !== undefined ? backend.listCollaborators(id, { signal }) : []),
  });

  @property({ attribute: false }) backend: Backend | undefined;
  @property({ type: Number, attribute: 'customer-id' }) customerId: number | undefined;
  @property({ attribute: false }) strings: StringsOverride<CollaboratorsStrings> | undefined;
  @property({ attribute: false }) now: Date | undefined;

  protected override render(): TemplateResult {
    return html`<p>Customer ${this.customerId}</p>
      ${this.team.render({
        pending: () => html`<p>${this.text.value.loading}</p>`,
        complete: (team) => html`<ul>${team.map((c) => html`<li>${c.name}</li>`)}</ul>`,
        error: (e) => html`<p>${String(e)}</p>`,
      })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-collaborators': CustomerCollaborators;
  }
}

if (!customElements.get('customer-collaborators')) customElements.define('customer-collaborators', CustomerCollaborators);
