"""The way back from a meeting, learning point or rollup decision to the products it led to.

{% load products_tags %}
{% products_from meeting %}
"""

from django import template

from products import selectors

register = template.Library()


@register.inclusion_tag("products/_products_from.html", takes_context=True)
def products_from(context, source) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or source is None:
        return {"derived_products": []}
    return {"derived_products": selectors.products_from(source=source, user=user)}


@register.inclusion_tag("products/_products_from.html", takes_context=True)
def products_from_rollup(context, rollup) -> dict:
    """The products that came from any decision of a rollup, in one query."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or rollup is None:
        return {"derived_products": []}
    return {"derived_products": selectors.products_from_rollup(rollup=rollup, user=user)}
