"""Datasette plugin (loaded via --plugins-dir): what is wrong with a search's filters, in words.

The search queries' SQL refuses an unknown province or a period that is no date by raising in
a Python SQL function (archive.search), and SQLite reports that as "user-defined function
raised exception", without the function's message: all Datasette could show. So the filters
are checked first, by the same rules (archive.search.filter_problem), and a bad one is
explained: on the query's page in place of SQLite's words (the form stays there, to correct
it), and as the 400 answer of the query's JSON, CSV or Atom (the query is not run).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

from datasette import Response, hookimpl
from datasette.utils.asgi import Request

from archive.metadata import SEARCH_QUERIES
from archive.search import filter_problem

# /<database>/<search query>, with the format of the answer (none for the HTML page).
_SEARCH_PATH = re.compile(
    rf"^/(?P<database>[^/]+)/(?:{'|'.join(SEARCH_QUERIES)})(?:\.(?P<format>\w+))?$"
)

Scope = dict[str, Any]
App = Callable[
    [Scope, Callable[..., Awaitable[Any]], Callable[..., Awaitable[Any]]], Awaitable[None]
]


async def _problem(datasette: Any, database: str, request: Request) -> str | None:
    try:
        db = datasette.get_database(database)
    except KeyError:
        return None  # (Datasette answers 404 itself)
    args = {name: request.args.get(name) for name in ("province", "since", "until")}
    return await db.execute_fn(lambda conn: filter_problem(conn, **args))


@hookimpl
def asgi_wrapper(datasette: Any) -> Callable[[App], App]:
    def wrap(app: App) -> App:
        async def explained(scope: Scope, receive: Any, send: Any) -> None:
            route = _SEARCH_PATH.match(scope.get("path", "")) if scope["type"] == "http" else None
            if route and route["format"]:
                request = Request(scope, receive)
                if problem := await _problem(datasette, route["database"], request):
                    if route["format"] == "json":  # (as Datasette words its own errors)
                        error = {"ok": False, "error": problem, "status": 400, "title": None}
                        response = Response.json(error, status=400)
                    else:
                        response = Response.text(problem, status=400)
                    await response.asgi_send(send)
                    return
            await app(scope, receive, send)

        return explained

    return wrap


@hookimpl
def extra_template_vars(template: str, request: Request | None, datasette: Any) -> Any:
    route = _SEARCH_PATH.match(request.path) if request is not None else None
    if not template.startswith("query") or route is None or route["format"]:
        return None

    async def explained() -> dict[str, str]:
        problem = await _problem(datasette, route["database"], request)
        return {"error": problem} if problem else {}

    return explained
