from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
def news_list(request):
    return render(request, "portal/news_list.html", {"news": []})
