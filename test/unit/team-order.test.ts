import { test } from 'node:test';
import assert from 'node:assert/strict';
import { orderTeam } from '../../src/backend/team-order.js';

const person = (id: number, name: string, customer_manager = false) => ({ id, name, email: `p${id}@x.example`, role: 'Viewer', customer_manager });

test('orderTeam: customer managers first, then by folded name, then by id; the input is left alone', () => {
  const team = [person(1, 'zoë Novak'), person(2, 'Émile Kim', true), person(3, 'amélie Silva'), person(4, 'Bo Chen', true), person(5, 'Amelie Silva')];
  const copy = structuredClone(team);
  assert.deepEqual(orderTeam(team).map((p) => p.id), [4, 2, 3, 5, 1]);
  assert.deepEqual(team, copy);
});
