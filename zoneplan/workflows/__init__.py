"""Workflows: what each command does, as library calls that return values and never print.

One module per workflow; each applies the inventory's policy (severity overrides,
suppressions) once, through :func:`zoneplan.workflows.policy.apply_inventory_policy`, and
returns a result the CLI only has to print. Files are written through :mod:`zoneplan.outputs`.

* :mod:`.validate` — load, graph, every inventory rule;
* :mod:`.plan` — :func:`~.plan.plan_inventory` (plan, ZP5xx checks, ``--against`` captures,
  rendering) and :func:`~.plan.write_plan`;
* :mod:`.audit` — :func:`~.audit.audit_captures`, :func:`~.audit.audit_states`,
  :func:`~.audit.audit_live`;
* :mod:`.collect` — switches to read (inventory or ad hoc) and the live read itself;
* :mod:`.importing` — a draft inventory from captures;
* :mod:`.hosts`, :mod:`.cabling` — the host settings and the cabling plan of an inventory.
"""
