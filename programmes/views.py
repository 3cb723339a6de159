from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from .models import DevelopmentProgramme, Municipality, Redaction
from .selectors import municipalities_for_home


@require_GET
def municipality_list(request):
    return render(
        request, "programmes/municipality_list.html", {"municipalities": municipalities_for_home()}
    )


@require_GET
def municipality_detail(request, municipality):
    municipality = get_object_or_404(Municipality, slug=municipality)
    return render(request, "programmes/municipality_detail.html", {"municipality": municipality})


@require_GET
def programme_detail(request, municipality, programme):
    programme = get_object_or_404(
        DevelopmentProgramme, municipality__slug=municipality, slug=programme
    )
    return render(request, "programmes/programme_detail.html", {"programme": programme})


@require_GET
def redaction_detail(request, municipality, programme, number):
    redaction = get_object_or_404(
        Redaction.objects.visible_to(request.user),
        programme__municipality__slug=municipality,
        programme__slug=programme,
        number=number,
    )
    return render(request, "programmes/redaction_detail.html", {"redaction": redaction})


@require_GET
def redaction_compare(request, municipality, programme, a, b):
    raise NotImplementedError
