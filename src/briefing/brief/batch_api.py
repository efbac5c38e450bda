"""Brief big, non-urgent runs through the provider's Batch API (half the price at OpenAI).

``submit`` renders each article's requests exactly as the live path would send them (they are
captured from ``Briefer``'s own request path by an in-process transport, so prompt, schema, mode
and output budget cannot drift), writes them as JSONL with one ``custom_id`` per request, uploads
the file (``POST /v1/files``, purpose ``batch``), creates the batch (``POST /v1/batches``) and keeps
a manifest (custom_id -> file, article id, text digest) in a local folder. ``collect`` downloads the
output and error files and replays every answer through the live path again (validation, grounding,
checks), with no re-ask: an unlocated excerpt stays ``not_found`` unless ``reask_live`` briefs that
article again live. Each briefing is stored in the ``Briefer``'s cache under the live key, so a
following live run on the same files sends nothing. Failed requests (an error line, an expired
batch, an answer that does not validate) are reported by file name; nothing else is lost.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openai

from briefing.brief.briefer import Briefer
from briefing.core.errors import APIError, BriefingError, ConfigurationError, InputError
from briefing.core.inputs import as_article
from briefing.core.models import Article, Briefing

try:  # current openai releases send through httpx2, older ones through httpx
    import httpx2 as httpx
except ImportError:  # pragma: no cover
    import httpx  # type: ignore[no-redef,import-not-found]

ENDPOINT = "/v1/chat/completions"
MANIFESTS = ".briefing-batches"
"""The default folder for batch manifests, in the working directory."""


@dataclass(frozen=True)
class Entry:
    """One request of a batch: which file and article it briefs."""

    custom_id: str
    path: str
    article: str | None
    digest: str


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _key(messages: Any) -> str:
    """What identifies a request of one chunk: its first user message (the article text); a
    re-ask of it keeps that message and adds others, so it has the same key."""
    users = [m.get("content") for m in messages or [] if isinstance(m, dict) and m.get("role") == "user"]
    return _digest(json.dumps(users[:1], sort_keys=True, ensure_ascii=False))


class _Wire(httpx.BaseTransport):
    """An in-process transport: records chat requests (and refuses them), or answers each request
    once with a stored batch answer and refuses any second ask (there is no re-ask in a batch)."""

    def __init__(self, answers: dict[str, dict[str, Any]] | None = None) -> None:
        self.answers = answers
        self.sent: list[dict[str, Any]] = []
        self._used: set[str] = set()

    def handle_request(self, request: Any) -> Any:
        body = json.loads(request.read() or b"{}")
        self.sent.append(body)
        key = _key(body.get("messages"))
        if self.answers is not None and key in self.answers and key not in self._used:
            self._used.add(key)
            return httpx.Response(200, json=self.answers[key], request=request)
        reason = "captured" if self.answers is None else "no re-ask in a batch (use --reask-live)"
        return httpx.Response(400, json={"error": {"message": reason, "type": "invalid_request_error",
                                                   "param": None, "code": "batch_replay"}}, request=request)


def _offline_briefer(briefer: Briefer, wire: _Wire, *, replay: bool) -> Briefer:
    """A Briefer with ``briefer``'s settings that talks to ``wire`` instead of the network."""
    client = openai.OpenAI(api_key="batch-replay", base_url="http://batch.invalid/v1", max_retries=0,
                           http_client=openai.DefaultHttpxClient(transport=wire))
    options = briefer.options
    if replay:
        options = options.replace(max_retries=0, grounding_reasks=0)
    twin = Briefer(client=client, options=options, output_budget=briefer.output_budget, prices=briefer.prices)
    twin.llm.pacer = None  # nothing here reaches a rate limit
    twin.prompt = briefer.prompt
    return twin


def requests_for(briefer: Briefer, article: Article) -> list[dict[str, Any]]:
    """The chat request bodies the live path sends first for ``article`` (one per chunk)."""
    wire = _Wire()
    twin = _offline_briefer(briefer, wire, replay=False)
    for chunk in twin._chunks(article):
        try:
            twin.llm.extract(twin._messages(article, chunk), _response_model(), context=twin._context(chunk),
                             max_retries=0, article=article.id, max_tokens=twin._budget(chunk))
        except BriefingError:
            pass  # refused by design once captured
    first: dict[str, dict[str, Any]] = {}
    for body in wire.sent:  # a refused request may be resent by an adapting path: keep the first
        first.setdefault(_key(body.get("messages")), body)
    return list(first.values())


def _response_model() -> Any:
    from briefing.brief.briefer import ArticleBriefing

    return ArticleBriefing


# --------------------------------------------------------------------------- submit


@dataclass(frozen=True)
class Submitted:
    """A created batch: its id, the uploaded file's id and where its manifest is."""

    batch_id: str
    input_file_id: str
    manifest: Path
    requests: int


def submit(briefer: Briefer, files: list[tuple[str, Article]], *, client: Any,
           folder: str | Path = MANIFESTS, completion_window: str = "24h") -> Submitted:
    """Upload the requests for ``files`` ((path, article) pairs) and create a batch.

    Raises:
        InputError: no files to submit.
        APIError: the upload or the batch creation failed (see ``failures.classify``).
    """
    if not files:
        raise InputError("nothing to submit: give one or more article files", reason="empty")
    lines: list[str] = []
    entries: list[Entry] = []
    for index, (path, article) in enumerate(files):
        article = as_article(article)
        for part, body in enumerate(requests_for(briefer, article)):
            custom_id = f"a{index:05d}-{part}"
            lines.append(json.dumps({"custom_id": custom_id, "method": "POST", "url": ENDPOINT, "body": body},
                                    ensure_ascii=False, sort_keys=True))
            entries.append(Entry(custom_id, path, article.id, _digest(article.text)))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    uploaded = _call(lambda: client.files.create(file=("briefing-batch.jsonl", data, "application/jsonl"),
                                                 purpose="batch"), client)
    batch = _call(lambda: client.batches.create(input_file_id=uploaded.id, endpoint=ENDPOINT,
                                                completion_window=completion_window,
                                                metadata={"created_by": "briefing"}), client)
    manifest = Path(folder) / f"{batch.id}.json"
    manifest.parent.mkdir(parents=True, exist_ok=True)
    manifest.write_text(json.dumps({
        "batch_id": batch.id, "input_file_id": uploaded.id, "model": briefer.settings.model,
        "entries": [entry.__dict__ for entry in entries],
    }, indent=1, ensure_ascii=False), encoding="utf-8")
    return Submitted(batch.id, uploaded.id, manifest, len(entries))


def _call(fn: Any, client: Any) -> Any:
    """Call the SDK; its errors become the library's (one line, no key, no credentials of the URL,
    and none in the SDK's errors chained below)."""
    from briefing.core.secrets import protect_url, redact, redact_url, scrub_chain
    from briefing.llm.failures import classify

    base_url = str(getattr(client, "base_url", "") or "")
    protect_url(base_url)
    shown = redact_url(base_url)
    error: BriefingError
    try:
        return fn()
    except openai.NotFoundError as e:
        error = APIError(f"{shown} has no such batch or file ({redact(str(e.message))}); check the id, and that "
                         "OPENAI_BASE_URL / --base-url names the server the batch was submitted to", status=404)
        error.__cause__ = e
    except openai.OpenAIError as e:
        error = classify(e, model="batch", base_url=shown, article=None)
        error.__cause__ = e
    raise scrub_chain(error)  # outside the except: the SDK's error is not chained again as its context


def status(batch_id: str, *, client: Any) -> Any:
    """The provider's batch object (``status``, ``request_counts``, file ids)."""
    return _call(lambda: client.batches.retrieve(batch_id), client)


# --------------------------------------------------------------------------- collect


@dataclass
class Collected:
    """One submitted file and what became of it."""

    path: str
    article: Article | None
    briefing: Briefing | None = None
    error: str | None = None
    custom_ids: tuple[str, ...] = ()


class CollectedBatch(list[Collected]):
    """What ``collect`` returns: one ``Collected`` per submitted file, in submission order, and
    ``problems``: one line per line of the provider's output or error file that was left out
    (cut off, not JSON, not an object, no ``custom_id``, an answer given twice)."""

    def __init__(self, results: Iterable[Collected] = (), problems: Iterable[str] = ()) -> None:
        super().__init__(results)
        self.problems = list(problems)


_CUSTOM_ID = re.compile(r'"custom_id"\s*:\s*"([^"\\]{1,128})"')


def _lines(client: Any, file_id: str | None, which: str, problems: list[str],
           broken: dict[str, str]) -> Iterator[tuple[int, dict[str, Any]]]:
    """The complete lines of a batch's ``which`` (output or error) file, numbered; each line that
    cannot be used is named in ``problems``, and the request it names, if any, in ``broken``."""
    if not file_id:
        return
    text = _call(lambda: client.files.content(file_id), client).text
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{which} file line {n}"
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            problems.append(f"{where}: not a JSON line (cut off or damaged); left out")
            if found := _CUSTOM_ID.search(line):
                broken.setdefault(found.group(1), f"its answer ({where}) is cut off or damaged")
            continue
        if not isinstance(record, dict):
            problems.append(f"{where}: not a JSON object; left out")
        elif not isinstance(record.get("custom_id"), str):
            problems.append(f"{where}: no custom_id; left out")
        else:
            yield n, record


def _failure(line: dict[str, Any]) -> str:
    error = line.get("error") or {}
    status = None
    response = line.get("response")
    if not error and isinstance(response, dict):
        status = response.get("status_code")
        body = response.get("body")
        error = (body.get("error") if isinstance(body, dict) else None) or {}
    if not isinstance(error, dict):
        error = {"message": str(error)}
    code = error.get("code") or error.get("type") or (f"HTTP {status}" if status else "error")
    return f"{code}: {error.get('message') or 'the request failed'}"


def _manifest_problem(data: Any) -> str | None:
    """What is wrong with a manifest's content, or None."""
    if not isinstance(data, dict):
        return "not a batch manifest: it holds no object"
    entries = data.get("entries")
    if not isinstance(entries, list) or not entries:
        return "its entries are missing or not a list"
    seen: set[str] = set()
    for n, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            return f"entry {n} is not an object"
        for key in ("custom_id", "path", "digest"):
            if not isinstance(entry.get(key), str):
                return f"entry {n} has no {key}"
        if entry.get("article") is not None and not isinstance(entry["article"], str):
            return f"entry {n} has an article id that is not text"
        if entry["custom_id"] in seen:
            return f"entry {n} repeats custom_id {entry['custom_id']!r}"
        seen.add(entry["custom_id"])
    return None


def load_manifest(batch_id: str, folder: str | Path = MANIFESTS) -> dict[str, Any]:
    """The manifest ``submit`` wrote for ``batch_id``.

    Raises:
        ConfigurationError: no manifest for this batch in ``folder``, or one that is damaged or
            was edited into something else.
    """
    path = Path(folder) / f"{batch_id}.json"
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError) as e:
        raise ConfigurationError(
            f"no manifest for batch {batch_id!r} in {str(folder)!r}: collect from the folder where it was "
            "submitted, or pass --manifests DIR") from e
    except (OSError, ValueError) as e:
        raise ConfigurationError(f"the manifest {str(path)!r} cannot be read ({getattr(e, 'strerror', None) or e}); "
                                 "check its permissions") from e
    again = "restore it from a backup, or submit the files again"
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as e:
        raise ConfigurationError(f"the manifest {str(path)!r} is damaged (not valid JSON: cut off or edited); "
                                 f"{again}") from e
    if (problem := _manifest_problem(data)) is not None:
        raise ConfigurationError(f"the manifest {str(path)!r} is not a batch manifest as submit wrote it "
                                 f"({problem}); {again}")
    return dict(data)


def collect(briefer: Briefer, batch_id: str, *, client: Any, folder: str | Path = MANIFESTS,
            reask_live: bool = False) -> CollectedBatch:
    """Download a batch's answers and brief each submitted file from them, in submission order.

    Every complete line of the provider's files is used; the lines that cannot be are named in the
    result's ``problems`` (and the files they answered fail, naming why).

    Raises:
        ConfigurationError: no manifest for ``batch_id``, or a damaged or edited one.
        BriefingError: the batch is still running, or has failed as a whole.
    """
    manifest = load_manifest(batch_id, folder)
    batch = status(batch_id, client=client)
    if batch.status in ("validating", "in_progress", "finalizing", "cancelling"):
        raise BriefingError(f"batch {batch_id} is {batch.status}; run `briefing batch status {batch_id}` and "
                            "collect once it is completed or expired")
    if batch.status == "failed" and not batch.output_file_id:
        errors = getattr(getattr(batch, "errors", None), "data", None) or []
        detail = "; ".join(f"{e.code}: {e.message}" for e in errors) or "no detail given"
        raise BriefingError(f"batch {batch_id} failed as a whole ({detail}); nothing was briefed")
    entries = [Entry(raw["custom_id"], raw["path"], raw.get("article"), raw["digest"]) for raw in manifest["entries"]]
    answers, failures, problems = _read_answers(client, batch, {e.custom_id for e in entries})
    grouped: dict[tuple[str, str | None], list[Entry]] = {}  # a list file holds several articles
    for entry in entries:
        grouped.setdefault((entry.path, entry.article), []).append(entry)
    results = []
    for (path, _), group in grouped.items():
        results.append(_collect_one(briefer, path, group, answers, failures, batch.status, reask_live))
    return CollectedBatch(results, problems)


def _read_answers(client: Any, batch: Any, submitted: set[str]) -> tuple[dict[str, Any], dict[str, str], list[str]]:
    """(answers by custom_id, failures by custom_id, problems) from the batch's output and error
    files. Every complete line is kept; a request answered twice, differently, keeps neither
    answer (which one is right cannot be told) and is named."""
    answers: dict[str, Any] = {}
    failures: dict[str, str] = {}
    problems: list[str] = []
    seen: dict[str, tuple[str, str]] = {}  # custom_id -> (where, the line as read)
    lines = [("output", n, line) for n, line in _lines(client, batch.output_file_id, "output", problems, failures)]
    lines += [("error", n, line) for n, line in _lines(client, batch.error_file_id, "error", problems, failures)]
    for which, n, line in lines:
        custom_id, where = line["custom_id"], f"{which} file line {n}"
        if custom_id not in submitted:
            problems.append(f"{where}: custom_id {custom_id!r} is not in the manifest; left out")
            continue
        as_read = json.dumps(line, sort_keys=True)
        if custom_id in seen:
            if seen[custom_id][1] != as_read:
                problems.append(f"{where}: custom_id {custom_id!r} answered twice, differently (also "
                                f"{seen[custom_id][0]}); neither answer is used")
                answers.pop(custom_id, None)
                failures[custom_id] = f"answered twice, differently ({seen[custom_id][0]}, {where}); brief it again"
            continue
        seen[custom_id] = (where, as_read)
        response = line.get("response")
        if (which == "output" and isinstance(response, dict) and response.get("status_code") == 200
                and isinstance(response.get("body"), dict) and not line.get("error")):
            answers[custom_id] = response["body"]
        else:
            failures[custom_id] = _failure(line)
    return answers, failures, problems


def _submitted(path: str, entry: Entry) -> Article:
    """The article ``entry`` was submitted for, read again from its file (the one with its text).

    Raises:
        InputError: the file cannot be read, or no longer holds that text.
    """
    from briefing.core.articlefiles import RecordErrors, load_file

    try:
        articles = load_file(Path(path))
    except RecordErrors as e:
        articles = e.articles
    for article in articles:
        if _digest(as_article(article).text) == entry.digest:
            return article.model_copy(update={"id": entry.article or article.id})
    raise InputError("the file changed since it was submitted; brief it again", reason="changed", path=path,
                     article=entry.article)


def _collect_one(briefer: Briefer, path: str, entries: list[Entry], answers: dict[str, dict[str, Any]],
                 failures: dict[str, str], batch_status: str, reask_live: bool) -> Collected:
    ids = tuple(e.custom_id for e in entries)
    try:
        article = _submitted(path, entries[0])
    except InputError as e:
        return Collected(path, None, error=e.message if e.reason == "changed" else str(e), custom_ids=ids)
    missing = [failures.get(i) or f"batch {batch_status}, no answer" for i in ids
               if i not in answers or i in failures]
    if missing:
        return Collected(path, article, error="; ".join(missing), custom_ids=ids)
    article = as_article(article)
    wire = _Wire({_key(_request_messages(briefer, article, i, entries)): answers[i] for i in ids})
    twin = _offline_briefer(briefer, wire, replay=True)
    try:
        briefing = twin.brief(article)
    except BriefingError as e:
        return Collected(path, article, error=f"the answer did not validate: {e.message}", custom_ids=ids)
    briefing.usage.cost_usd = briefer.prices.cost(briefer.settings.model, briefing.usage, batch=True)
    if reask_live and _unlocated(briefing):
        try:
            return Collected(path, article, briefing=briefer.brief(article), custom_ids=ids)
        except BriefingError as e:
            return Collected(path, article, briefing=briefing, error=f"the live re-ask failed: {e}", custom_ids=ids)
    key, _ = briefer._cached(article)
    briefer._store(key, briefing)
    return Collected(path, article, briefing=briefing, custom_ids=ids)


def _request_messages(briefer: Briefer, article: Article, custom_id: str, entries: list[Entry]) -> Any:
    """The messages of the request ``custom_id`` stands for (its chunk of ``article``)."""
    part = [e.custom_id for e in entries].index(custom_id)
    chunk = briefer._chunks(article)[part]
    return briefer._messages(article, chunk)


def _unlocated(briefing: Briefing) -> bool:
    located = [c.grounding for c in briefing.claims]
    located += [p.grounding for d in briefing.disputes for p in d.positions]
    return "not_found" in located
