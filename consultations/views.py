from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
def index(request):
    return render(request, "consultations/index.html", {})


@require_GET
def events_ics(request):
    from django.http import HttpResponse

    return HttpResponse("", content_type="text/calendar")
