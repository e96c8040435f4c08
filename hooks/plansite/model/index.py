"""Lookups the pages need (who is named where, who leads what), computed once per site."""

from __future__ import annotations

from .naming import Namer, names_of
from .progress import Partial, Tally, is_overdue, might_be_late, next_due, tally, undated
from .types import Block, Document, Group, Organisation, Plan, Site, Task

PlanTask = tuple[Plan, Task]


class Index:
    """Cross-references over the whole site, so templates never scan the data."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.by_domain: dict[str, list[tuple[Plan, Block]]] = {d.id: [] for d in site.domains}
        self.by_addressee: dict[str, list[tuple[Plan, Block]]] = {}
        self.tasks_by_domain: dict[str, list[PlanTask]] = {d.id: [] for d in site.domains}
        self.led_by: dict[str, list[PlanTask]] = {}
        self.supported_by: dict[str, list[PlanTask]] = {}
        self.organisations = {o.id: o for o in site.organisations}
        self.documents = {d.id: d for d in site.documents}
        self.plans = {p.id: p for p in site.plans}
        self.parents: dict[tuple[str, str], Block] = {}
        for plan in site.plans:
            for block in plan.blocks():
                for child in block.children:
                    self.parents[plan.id, child.anchor] = block
                for d in block.domains:
                    self.by_domain[d].append((plan, block))
                for a in block.addressees:
                    self.by_addressee.setdefault(a, []).append((plan, block))
            for task in plan.tasks:
                for d in task.block.domains:
                    self.tasks_by_domain[d].append((plan, task))
                for org in task.leads:
                    self.led_by.setdefault(org, []).append((plan, task))
                for org in task.support:
                    self.supported_by.setdefault(org, []).append((plan, task))
        self.without_lead = [(p, t) for p in site.plans for t in p.tasks if t.lead is None]
        self.without_lead_partial = any(p.provenance.partial for p, _ in self.without_lead)
        self.named_in, self._names_in_block = self._named(site)
        self.cited_by: dict[str, list[tuple[str, str, Document]]] = {}
        self.implemented_by: dict[str, list[tuple[str, Plan]]] = {}
        for doc in site.documents:
            for rel in doc.relations:
                self.cited_by.setdefault(rel.target, []).append((rel.label, rel.quote, doc))
        for plan in site.plans:
            blocks = {b.anchor: b for b in plan.blocks()}
            for basis in plan.basis:
                quote = blocks[basis.block].words
                self.cited_by.setdefault(basis.document, []).append(
                    (basis.label, quote, plan.document)
                )
                self.implemented_by.setdefault(basis.document, []).append((basis.label, plan))

    @staticmethod
    def _named(
        site: Site,
    ) -> tuple[dict[str, list[tuple[Plan, Block]]], dict[tuple[str, str], list[str]]]:
        """Every passage (subject and blocks) of every plan that names each body or group,
        and, the other way round, the bodies and groups each passage names."""
        entities: list[Organisation | Group] = [*site.organisations, *site.groups]
        namer = Namer({e.id: names_of(e) for e in entities})
        found: dict[str, list[tuple[Plan, Block]]] = {e.id: [] for e in entities}
        by_block: dict[tuple[str, str], list[str]] = {}
        for plan in site.plans:
            for block in plan.passages():
                by_block[plan.id, block.anchor] = named = namer.named(block.words)
                for ident in named:
                    found[ident].append((plan, block))
        return found, by_block

    def named_by_task(self, task: Task) -> list[str]:
        """The bodies and groups a task's passage names (the block and everything under it),
        found the way entity pages find them, in the order the data lists them."""
        named = {
            ident
            for block in task.block.walk()
            for ident in self._names_in_block.get((task.plan, block.anchor), ())
        }
        order = [*self.organisations, *(g.id for g in self.site.groups)]
        return [ident for ident in order if ident in named]

    def row_of(self, task: Task) -> tuple[list[tuple[str, str]], Block | None]:
        """A task that is a table row: each column's header with the row's cell, and the
        group row it stands under (None for a task that is not a row, or not in a group)."""
        if not task.block.cells:
            return [], None
        up = self.parents.get((task.plan, task.block.anchor))
        group = up if up is not None and up.cells else None
        while up is not None and not up.columns:
            up = self.parents.get((task.plan, up.anchor))
        headers = [c.header for c in up.columns] if up is not None else []
        return list(zip(headers, task.block.cells, strict=False)), group

    def tally(self, pairs: list[PlanTask]) -> Tally:
        """What is known of these tasks; says so when their plans are only partly digitised."""
        partial = any(plan.provenance.partial for plan, _ in pairs)
        return tally([t for _, t in pairs], self.site.as_of, partial)

    def led(self, org_id: str) -> Partial:
        """Tasks the organisation leads, and tasks whose lead is not known."""
        return Partial(len(self.led_by.get(org_id, [])), len(self.without_lead))

    def supported(self, org_id: str) -> Partial:
        """Tasks the organisation supports; unknown for tasks whose lead is not known either."""
        return Partial(len(self.supported_by.get(org_id, [])), len(self.without_lead))

    def lateness(self, pairs: list[PlanTask]) -> Partial:
        """How many are overdue, and for how many that cannot be known (no deadline)."""
        late = sum(1 for _, t in pairs if is_overdue(t, self.site.as_of))
        return Partial(late, sum(1 for _, t in pairs if might_be_late(t)))

    def undated(self, pairs: list[PlanTask]) -> int:
        """How many unfinished tasks have no date at all that the data can give."""
        return sum(1 for _, t in pairs if undated(t))

    def plan_of(self, doc: Document) -> Plan | None:
        return self.plans.get(doc.plan) if doc.plan else None

    def issued_by(self, org_id: str) -> list[Document]:
        return [d for d in self.site.documents if d.issuer == org_id]

    def tasks_in(self, domain_id: str) -> list[PlanTask]:
        return self.tasks_by_domain.get(domain_id, [])

    def tasks_of(self, org_id: str) -> list[PlanTask]:
        """Tasks an organisation leads or supports, led first."""
        return self.led_by.get(org_id, []) + self.supported_by.get(org_id, [])

    def overdue(self, pairs: list[PlanTask]) -> list[PlanTask]:
        """Overdue tasks, longest overdue first."""
        late = [pair for pair in pairs if is_overdue(pair[1], self.site.as_of)]
        return sorted(late, key=lambda pair: (pair[1].deadline, pair[0].id, pair[1].id))

    def due_next(self, pairs: list[PlanTask]) -> list[tuple[PlanTask, object]]:
        """Tasks with a known next date on or after as_of, soonest first."""
        found = []
        for plan, task in pairs:
            day = next_due(task, self.site.as_of)
            if day:
                found.append(((plan, task), day))
        return sorted(found, key=lambda item: (item[1], item[0][0].id, item[0][1].id))

    def up(self, plan: Plan) -> list[tuple[str, Document, Plan | None]]:
        """What a plan implements or rests on, with the plan behind each document if any."""
        return [
            (b.label, self.documents[b.document], self.plan_of(self.documents[b.document]))
            for b in plan.basis
        ]

    def down(self, plan: Plan) -> list[tuple[str, Plan]]:
        """The plans that rest on or implement this plan."""
        return self.implemented_by.get(plan.id, [])
