"""The one-page plan is rendered by a Jinja2 template with its own output escaping
(elinvoima/core/jinja2.py): whatever people type is shown as text, never as markup."""

from django.urls import reverse

from elinvoima.strategy.enums import PlanState
from elinvoima.strategy.models import Goal, Measure

HOSTILE = "<script>alert(\"x\")</script> & 'q' <b>"


def test_plan_page__hostile_texts__escaped_everywhere(demo, client_for):
    goal = Goal.objects.filter(plan__state=PlanState.APPROVED, measures__isnull=False).first()
    Goal.objects.filter(pk=goal.pk).update(title_fi=HOSTILE)
    measure = Measure.objects.filter(goal=goal).first()
    Measure.objects.filter(pk=measure.pk).update(title_fi=HOSTILE)

    page = client_for(None).get(reverse("strategy:plan-detail", kwargs={"pk": goal.plan_id}))

    assert page.status_code == 200
    assert "<script>alert" not in page.text
    assert "<b>" not in page.text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;q&#x27; &lt;b&gt;" in (
        page.text
    )
