"""The rule catalogue: every coded check zoneplan makes, with its Why/Fails/Passes/Fix.

One module per code family; the file name says the family, every module exports ``RULES``
and :func:`zoneplan.rules.registry.all_rules` collects them (a clash of codes or names is an
error). Findings are made from the rule classes only (``UnknownKey.make(...)``,
``Rule.code``), never from code strings written elsewhere. Each rule's ``fails`` and
``passes`` examples are data (:mod:`zoneplan.rules.examples`) that
``tests/core/test_rule_examples.py`` runs through the component owning the rule's scope.

=============  ==================  ===================================================  ==========
codes          module              family                                               scope
=============  ==================  ===================================================  ==========
ZP001-ZP009    ``input``           inventory loader: syntax, schema, keys, WWPNs, names  load
ZP010-ZP019    ``spreadsheet``     inventory workbook import: sheets, columns, cells    load
ZP020-ZP049    ``capture``         saved switch output (parsers and the capture reader)  capture
ZP050-ZP059    ``multipath``       ``multipath -ll`` output (hosts.mpll)                 host
ZP060-ZP069    ``credentials``     credentials and live configuration                   live
ZP090-ZP099    ``policy``          the inventory's policy section                       policy
ZP1xx          ``integrity``       inventory integrity (ZP103: references, topology)    inventory
ZP2xx          ``redundancy``      redundancy and fabric membership                     inventory
ZP3xx          ``cluster``         the two-node ALUA SAN cluster's design               inventory
ZP4xx          ``hosts``           client hosts and their operating systems             inventory
ZP501-ZP549    ``zoning``          the zoning plan (checks: ``zoneplan.plan.checks``)   plan
ZP550-ZP599    ``change``          the change against the fabric as observed (day 2)     plan
ZP6xx          ``audit``           plan against observed state                          audit
ZP7xx          ``transport``       live transports: SSH, SNMP                           live
ZP801-ZP849    ``hostverify``      a client's multipath state against its zoned paths   host
ZP850-ZP869    ``apply``           ``zoneplan apply``: a change pushed to live switches live
ZP9xx          ``physical``        racks, units, patch panels, media reach, lengths     inventory
=============  ==================  ===================================================  ==========

Why the catalogue sits low in the layers (below the loader): every component that makes
findings imports its rules from here. Inventory rules read the topology they are handed
(``RuleContext``) and never import it.
"""
