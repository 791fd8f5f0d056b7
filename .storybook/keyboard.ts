/**
 * The keyboard model of each element, in the Markdown its docs page shows under "Keyboard" (and
 * the getting-started page lists). Right-to-left, Left and Right swap wherever they move along a row.
 */
export const KEYBOARD: Record<string, string> = {
  'customer-table': `An ARIA grid with one Tab stop: the cell that last had focus (first, the header "Customer").

| key | does |
|---|---|
| ←/→ ↑/↓ | move one cell (the header row included) |
| Home / End | first / last cell of the row |
| Ctrl+Home / Ctrl+End | the first header cell / the last row's last cell |
| PageUp / PageDown | a screenful of rows up / down (rows load as they come into view) |
| Enter or Space on a header | sort by that column; again reverses ("Connected apps" does not sort) |
| Enter on a row | open the customer (\`customer-select\`); a click on the name does too |
| Tab | leaves the grid (to "Retry", "Clear filters" when shown) |

Focus stays on its cell while rows scroll and re-sort; a long name shows whole while its cell has focus.`,

  'customer-filters': `| where | key | does |
|---|---|---|
| search | typing | searches after \`search-delay\` ms of quiet; Enter searches at once; Escape clears |
| statuses (a radio group drawn as tabs) | Tab | reaches the chosen status only |
| | ←/→, Home/End | choose the previous / next, first / last status |
| Plan, App, Date joined buttons | Enter / Space | open the picker |
| plan checkboxes, date presets | ↑/↓, Home/End | move between the choices (one Tab stop per list) |
| | Space | toggle a plan; Enter or Space picks a preset |
| app search (a combobox) | ↑/↓, Enter | move through the matching apps, choose one |
| any picker | Escape, or Tab out | close it; Escape returns focus to its button |
| chips | Enter / Space on a chip's × | remove that filter |`,

  'customer-console': `The list is \`<customer-filters>\` and \`<customer-table>\` (their keys apply); a customer's page has:

| key | does |
|---|---|
| ←/→, Home/End on the tabs | move between Dashboard, Collaborators, Settings (one Tab stop, on the open tab) |
| Enter / Space on a tab | open it |
| Enter / Space on "Back to customers" | back to the list, with its query, scroll position and focus as they were |
| Escape in the Add customer dialog | closes it (not while the form sends); focus returns to "Add customer" |

Opening a customer moves focus to its name; a deleted customer takes focus back to the list.`,

  'customer-dashboard': `| where | key | does |
|---|---|---|
| period (a radio group) | ←/→, Home/End | choose another period (one Tab stop) |
| chart | Tab | one Tab stop for the whole chart |
| | ←/→, Home/End | move from bar to bar; each bar's figures are its name and show in a tooltip |
| "Show as table" | Enter / Space | shows the same figures as a real table |

Right-to-left, time runs from right to left and the arrows follow it.`,

  'customer-collaborators': `No keys of its own: a table in a scroll box that takes focus (Tab), so ↑/↓ and PageUp/PageDown scroll a long team; Retry is a button.`,

  'customer-switch-button': `A button: Enter or Space switches. While switching is not allowed it keeps focus (\`aria-disabled\`, not \`disabled\`), so the reason next to it is read.`,

  'customer-form': `A native form: Tab moves through name, email, plan and external ID; Enter in a field sends. After a failed check, focus goes to the first field with an error; each error is tied to its field.`,

  'plan-settings': `| where | key | does |
|---|---|---|
| plans (a radio group) | ↑/↓ (←/→) | choose a plan; nothing is saved until Change plan |
| Change plan, Enable / Extend / End trial | Enter / Space | apply |
| the confirmation dialog | Tab | stays in the dialog |
| | Escape | cancels; focus returns to Change plan |

After an apply, focus moves to the result message.`,

  'app-access-editor': `| where | key | does |
|---|---|---|
| Edit | Enter / Space | opens the dialog (focus trapped inside) |
| All apps / Only the selected apps | ↑/↓ | choose the mode (a radio group) |
| search | typing, ↓ | filter the catalogue (Escape cancels the dialog); ↓ moves into the checklist |
| checklist | Tab | one Tab stop for the whole list |
| | ↑/↓, Home/End, PageUp/PageDown | move through the apps |
| | Space | tick / untick the app |
| dialog | Escape | cancels (not while applying); focus returns to Edit |`,

  'customer-settings': `| where | key | does |
|---|---|---|
| name, external ID fields | Enter | saves that section |
| origins field | typing a comma or line break, Enter, pasting a list | adds the entries; a rejected entry stays in the field |
| an origin's × | Enter / Space | removes it |
| Copy (User ID) | Enter / Space | copies the ID; the result is announced |
| delete dialog | Tab | stays in the dialog |
| | Enter in the name field | deletes, once the name is typed exactly |
| | Escape | closes it; focus returns to "Delete customer" |`,
};
